package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static smsplatform.local.ApiClient.list;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.carrier.SimulatorCarrier;
import smsplatform.json.Json;

/**
 * The simulator's surfaces ({@code /local/handsets/…}, {@code /local/carrier/…}) answer only this
 * machine's own clients, and only the stack's delivery function hands messages to the carrier.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class LocalSurfacesEndToEndTest {

    static RunningStack stack;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(LocalSurfacesEndToEndTest.class);
        port = URI.create(stack.baseUrl).getPort();
    }

    record RawResponse(int status, String body) {}

    /** One HTTP/1.1 exchange on a socket of our own: from any local source address, with any Host header. */
    static RawResponse exchange(InetAddress from, String host, String method, String path, String headers, String body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers
                    + "Content-Length: " + content.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new RawResponse(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    /** An address of this machine that is not loopback, to connect from. */
    static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(n -> {
            try {
                return n.isUp() && !n.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    static String delivery(String serialNo, String phoneNumber, String text) {
        return Json.write(Map.of("serialNo", serialNo, "phoneNumber", phoneNumber, "text", text));
    }

    /** The secret this start of the stack gave its delivery function (kept for './sms-local invoke'). */
    static String carrierSecret() throws IOException {
        Object secret = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json"))).get("carrierSecret");
        return secret == null ? "" : secret.toString();
    }

    static List<Map<String, Object>> handset(String escapedNumber) throws Exception {
        return list(new ApiClient(stack.baseUrl, null).get("/local/handsets/" + escapedNumber).json().get("messages"));
    }

    @Test
    void aPeerThatIsNotLoopbackIsRefused403OnLocalSurfacesWhileTheApiAnswersIt() throws Exception {
        Optional<InetAddress> remote = nonLoopbackAddress();
        assumeTrue(remote.isPresent(), "this machine has no address but loopback to connect from");
        String host = "127.0.0.1:" + port;

        RawResponse handset = exchange(remote.get(), host, "GET", "/local/handsets/%2B8613600136001", "", "");
        assertThat(handset.status()).isEqualTo(403);
        assertThat(Json.parseObject(handset.body())).isEqualTo(Map.of("message", "Forbidden"));

        RawResponse carrier = exchange(remote.get(), host, "POST", "/local/carrier/messages",
                "Content-Type: application/json\r\n" + SimulatorCarrier.SECRET_HEADER + ": " + carrierSecret() + "\r\n",
                delivery("sms-remote-1", "+8613600136001", "from afar"));
        assertThat(carrier.status()).isEqualTo(403);
        assertThat(Json.parseObject(carrier.body())).isEqualTo(Map.of("message", "Forbidden"));
        assertThat(handset("%2B8613600136001")).isEmpty();

        assertThat(exchange(remote.get(), host, "GET", "/v1/signatures", "", "").status())
                .as("the API itself is public: its authorizer answers").isEqualTo(401);
    }

    @Test
    void aRequestForAnotherHostNameIsRefused403OnLocalSurfacesSoAWebPageCannotRebindToThem() throws Exception {
        RawResponse answer = exchange(InetAddress.getLoopbackAddress(), "sms.attacker.example:" + port, "GET",
                "/local/handsets/%2B8613600136002", "", "");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(Json.parseObject(answer.body())).isEqualTo(Map.of("message", "Forbidden"));
        assertThat(exchange(InetAddress.getLoopbackAddress(), "localhost:" + port, "GET",
                "/local/handsets/%2B8613600136002", "", "").status()).as("localhost").isEqualTo(200);
    }

    @Test
    void forgedDeliveriesWithoutOrWithAWrongSecretAre403AndTheHandsetReceivesNothing() throws Exception {
        ApiClient anonymous = new ApiClient(stack.baseUrl, null);
        ApiClient.Response unsigned = anonymous.raw("POST", "/local/carrier/messages",
                delivery("sms-forged-1", "+8613600136003", "【Your Bank】Your account is locked, call 555"),
                "Content-Type", "application/json");
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.json()).isEqualTo(Map.of("message", "Forbidden"));
        ApiClient.Response guessed = anonymous.raw("POST", "/local/carrier/messages",
                delivery("sms-forged-2", "+8613600136003", "【Your Bank】Your account is locked, call 555"),
                "Content-Type", "application/json", SimulatorCarrier.SECRET_HEADER, "guessed-secret");
        assertThat(guessed.status()).isEqualTo(403);
        assertThat(handset("%2B8613600136003")).isEmpty();
    }

    @Test
    void theStacksOwnDeliveryFunctionStillDeliversToTheHandset() throws Exception {
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "surfaces-ops", "ENTERPRISE", true));
        ApiClient sender = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "surfaces", "ENTERPRISE", false));
        String template = Journeys.approveSender(sender, reviewer, "Surface Labs", "Surface Labs Ltd.");
        ApiClient.Response sent = Journeys.send(sender, List.of("13600136004"), "Surface Labs", template, "STILL1");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String serialNo = (String) list(sent.json().get("sendStatuses")).get(0).get("serialNo");
        sender.await("/v1/sms/" + serialNo, m -> "DELIVERED".equals(m.get("status")), "delivery");
        assertThat(handset("%2B8613600136004")).extracting(m -> m.get("text"))
                .containsExactly(Journeys.codeText("Surface Labs", "STILL1"));
    }
}
