package smsplatform.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import smsplatform.domain.callbacks.CallbackUrlPolicy;
import smsplatform.ports.Webhooks;

/**
 * Webhook POSTs that cannot be rebound: the host is resolved once per attempt, every address is checked by
 * the {@link CallbackUrlPolicy}, and the socket connects to the checked address (an HTTP client would
 * resolve the name again). TLS still verifies the certificate against the host name (SNI and endpoint
 * identification on the pinned socket). HTTP/1.1 with {@code Connection: close}; only the status line
 * of the answer is read, within the timeouts.
 */
public final class PinnedHttpWebhooks implements Webhooks {

    /** Name resolution, replaceable in tests (a resolver that answers differently at each attempt). */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
    }

    private static final int MAX_STATUS_LINE = 8 * 1024;

    private final CallbackUrlPolicy policy;
    private final Resolver resolver;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final SSLSocketFactory tls;

    public PinnedHttpWebhooks(CallbackUrlPolicy policy, Resolver resolver, Duration connectTimeout, Duration timeout,
                              SSLSocketFactory tls) {
        this.policy = policy;
        this.resolver = resolver;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.tls = tls;
    }

    public static PinnedHttpWebhooks standard(CallbackUrlPolicy policy) {
        return new PinnedHttpWebhooks(policy, Resolver.SYSTEM, Duration.ofSeconds(3), Duration.ofSeconds(10),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    @Override
    public Attempt post(URI url, Map<String, String> headers, String body) {
        String host = url.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        InetAddress address;
        try {
            address = policy.choose(url, resolver.resolve(bare));
        } catch (CallbackUrlPolicy.Refused refused) {
            return new Attempt(0, "refused: " + refused.getMessage());
        } catch (UnknownHostException e) {
            return new Attempt(0, "unknown host " + bare);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
            raw.setSoTimeout((int) timeout.toMillis());
            Socket socket = https ? secure(raw, bare, port) : raw;
            write(socket.getOutputStream(), url, headers, body);
            int status = status(socket.getInputStream(), deadline);
            return new Attempt(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException | RuntimeException e) {
            return new Attempt(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Socket secure(Socket raw, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(raw, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.contains(":") && !Character.isDigit(host.charAt(host.length() - 1))) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static void write(OutputStream out, URI url, Map<String, String> headers, String body) throws IOException {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getRawAuthority()).append("\r\n")
                .append("User-Agent: sms-platform-webhooks/1\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(payload.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value.replaceAll("[\r\n]", ""))
                .append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(payload);
        out.flush();
    }

    /** The status code of {@code HTTP/1.x NNN …}; 0 for an answer that is not one. */
    private static int status(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() < MAX_STATUS_LINE) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the receiver answered too slowly");
            }
            line.write(b);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).trim().split(" ");
        return parts.length >= 2 && parts[0].startsWith("HTTP/1.") && parts[1].matches("[0-9]{3}")
                ? Integer.parseInt(parts[1]) : 0;
    }
}
