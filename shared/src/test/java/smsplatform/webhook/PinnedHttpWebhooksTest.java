package smsplatform.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import smsplatform.domain.callbacks.CallbackUrlPolicy;
import smsplatform.ports.Webhooks;

class PinnedHttpWebhooksTest {

    static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    static PinnedHttpWebhooks client(CallbackUrlPolicy policy, PinnedHttpWebhooks.Resolver resolver) {
        return new PinnedHttpWebhooks(policy, resolver, Duration.ofMillis(300), Duration.ofSeconds(2),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    @Test
    void aHostThatResolvesPublicThenPrivateIsRefusedAtTheSecondAttemptWithoutConnecting() throws Exception {
        List<String> asked = new ArrayList<>();
        List<List<InetAddress>> answers = List.of(List.of(ip("192.0.2.10")), List.of(ip("10.0.0.7")));
        PinnedHttpWebhooks webhooks = client(new CallbackUrlPolicy(false), host -> {
            asked.add(host);
            return answers.get(asked.size() - 1);
        });
        URI url = URI.create("https://rebinding.example/hook");
        Webhooks.Attempt first = webhooks.post(url, Map.of(), "{}");
        Webhooks.Attempt second = webhooks.post(url, Map.of(), "{}");
        assertThat(asked).containsExactly("rebinding.example", "rebinding.example");
        assertThat(first.delivered()).isFalse();
        assertThat(first.error()).doesNotStartWith("refused");   // allowed: it tried 192.0.2.10 (TEST-NET, unreachable)
        assertThat(second.error()).startsWith("refused").contains("10.0.0.7");
    }

    @Test
    void inProductionAHostNameResolvingToLoopbackIsRefusedAndTheReceiverNeverHearsOfIt() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            int port = receiver.getAddress().getPort();
            Webhooks.Attempt attempt = client(new CallbackUrlPolicy(false), PinnedHttpWebhooks.Resolver.SYSTEM)
                    .post(URI.create("https://localhost:" + port + "/"), Map.of(), "{}");
            assertThat(attempt.error()).startsWith("refused").contains("loopback");
            assertThat(hits).hasValue(0);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theConnectionGoesToTheAddressCheckedNotToASecondLookup() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> hosts = new ArrayList<>();
        receiver.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            int port = receiver.getAddress().getPort();
            AtomicInteger lookups = new AtomicInteger();
            // "hooks.invalid" resolves nowhere (RFC 2606): only the resolver given can have answered.
            Webhooks.Attempt attempt = client(new CallbackUrlPolicy(true), host -> {
                lookups.incrementAndGet();
                return List.of(ip("127.0.0.1"));
            }).post(URI.create("http://hooks.invalid:" + port + "/x?y=1"), Map.of("Sms-Event-Id", "evt-1"), "{}");
            assertThat(attempt.delivered()).isTrue();
            assertThat(lookups).hasValue(1);
            assertThat(hosts).containsExactly("hooks.invalid:" + port);
        } finally {
            receiver.stop(0);
        }
    }
}
