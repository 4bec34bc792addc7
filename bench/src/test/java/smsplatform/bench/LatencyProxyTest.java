package smsplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The latency proxy in front of a recording backend: calls overlap instead of queueing behind each other, every
 * request reaches the backend byte for byte, and no answer comes back before the service time. No wall-clock
 * timing of the test itself is asserted: overlap is counted by the proxy (calls in flight at once) and proved by
 * the backend (it answers only once all the calls have arrived together).
 */
class LatencyProxyTest {

    private static final int CALLS = 8;
    private static final Duration SERVICE = Duration.ofMillis(50);

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final CyclicBarrier together = new CyclicBarrier(CALLS);
    private volatile boolean waitForAll;
    private HttpServer backend;
    private LatencyProxy proxy;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        backend.setExecutor(Executors.newCachedThreadPool());
        backend.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.put(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + exchange.getRequestURI(), body);
            try {
                if (waitForAll) {
                    together.await(20, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] answer = ("echo " + body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        backend.start();
        proxy = new LatencyProxy(URI.create("http://127.0.0.1:" + backend.getAddress().getPort()), 0, SERVICE);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        backend.stop(0);
    }

    @Test
    void overlappingCallsAreServedTogetherAsOneWaveAndReachTheBackendUnchanged() throws Exception {
        waitForAll = true;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            answers.add(client.sendAsync(call(i), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < CALLS; i++) {
            HttpResponse<String> answer = answers.get(i).get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("echo " + body(i));
        }
        assertThat(proxy.maxInFlight()).isEqualTo(CALLS);
        assertThat(proxy.connectionsOpened()).as("a connection per call in flight").isEqualTo(CALLS);
        List<LatencyProxy.Call> calls = proxy.drain();
        assertThat(calls).hasSize(CALLS);
        assertThat(LatencyProxy.waves(calls)).isEqualTo(1);
        for (int i = 0; i < CALLS; i++) {
            assertThat(received).containsEntry("DynamoDB_20120810.PutItem /call/" + i, body(i));
        }
    }

    @Test
    void callsMadeOneAfterAnotherAreAsManyWavesOnOneConnectionAndNoneIsAnsweredBeforeTheServiceTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(client.send(call(i), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("echo " + body(i));
        }
        assertThat(proxy.maxInFlight()).isEqualTo(1);
        List<LatencyProxy.Call> calls = proxy.drain();
        assertThat(LatencyProxy.waves(calls)).isEqualTo(3);
        assertThat(calls).allSatisfy(c -> assertThat(c.end() - c.start()).isGreaterThanOrEqualTo(SERVICE.toNanos()));
        assertThat(proxy.maxInFlight()).as("reset by the drain").isZero();
        assertThat(proxy.connectionsOpened()).as("one connection, kept alive between the calls").isEqualTo(1);
        assertThat(proxy.connectionsOpened()).as("reset by the count").isZero();
    }

    private HttpRequest call(int i) {
        return HttpRequest.newBuilder(proxy.endpoint().resolve("/call/" + i))
                .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .POST(HttpRequest.BodyPublishers.ofString(body(i))).build();
    }

    private static String body(int i) {
        return "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"n" + i + "\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\"}";
    }
}
