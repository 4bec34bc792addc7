package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.log.Metrics;

/**
 * Issue #12 §4 "Metrics" on a stack of its own (nothing else emits): a journey's business metrics, as
 * CloudWatch would extract them from the functions' embedded-metric-format lines, summed up on
 * {@code GET /local/metrics}.
 */
class MetricsEndToEndTest {

    @TempDir
    static Path scratch;
    static RunningStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = RunningStack.start(scratch.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    static Map<String, Object> metrics(ApiClient client) throws Exception {
        ApiClient.Response response = client.get("/local/metrics");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return map(map(response.json().get("metrics")).getOrDefault(Metrics.NAMESPACE, Map.of()));
    }

    static long sum(Map<String, Object> metrics, String name) {
        Object metric = metrics.get(name);
        return metric == null ? 0 : ((Number) map(metric).get("sum")).longValue();
    }

    @Test
    void aJourneyOfThreeReviewsAndTwoMessagesEmitsExactlyItsBusinessMetrics() throws Exception {
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "metrics-ops", "ENTERPRISE", true));
        ApiClient sender = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "metrics-sender", "ENTERPRISE", false));
        assertThat(metrics(reviewer)).as("a fresh stack has emitted nothing").isEmpty();

        String template = Journeys.approveSender(sender, reviewer, "Metric Labs", "Metric Labs Ltd.");
        ApiClient.Response submitted = sender.post("/v1/signatures", Map.of(
                "name", "Metric Works", "type", "COMPANY", "purpose", "SELF_USE", "entity", Map.of("name", "Metric Works Ltd.")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String rejected = (String) map(submitted.json().get("signature")).get("signatureId");
        assertThat(ApiClient.upload(list(submitted.json().get("uploads")).get(0), "application/pdf",
                SignatureJourneyEndToEndTest.PDF)).isEqualTo(204);
        Journeys.decide(sender, reviewer, rejected, Map.of("decision", "REJECT", "reasons", List.of("DOCUMENT_MISMATCH")),
                "REJECTED");

        // One number the carrier takes, one it refuses for good (test number ending in 0400).
        ApiClient.Response sent = Journeys.send(sender, List.of("13800138111", "13800130400"), "Metric Labs", template,
                "COUNTED");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        for (Object status : list(sent.json().get("sendStatuses"))) {
            String serial = (String) map(status).get("serialNo");
            sender.await("/v1/sms/" + serial, m -> List.of("DELIVERED", "FAILED").contains(m.get("status")), "outcome of " + serial);
        }

        Map<String, Long> expected = Map.ofEntries(Map.entry(Metrics.SIGNATURES_SUBMITTED, 2L),
                Map.entry(Metrics.SIGNATURES_APPROVED, 1L), Map.entry(Metrics.SIGNATURES_REJECTED, 1L),
                Map.entry(Metrics.TEMPLATES_SUBMITTED, 1L), Map.entry(Metrics.TEMPLATES_APPROVED, 1L),
                Map.entry(Metrics.TEMPLATES_REJECTED, 0L),
                Map.entry(Metrics.MESSAGES_REQUESTED, 2L), Map.entry(Metrics.MESSAGES_SENT, 2L),
                Map.entry(Metrics.MESSAGES_DELIVERED, 1L), Map.entry(Metrics.MESSAGES_FAILED, 1L),
                Map.entry(Metrics.CARRIER_ERRORS, 1L));
        // Log lines reach the files asynchronously: wait until the counts settle (or fail below).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> seen = metrics(reviewer);
        while (System.nanoTime() < deadline && !matches(seen, expected)) {
            Thread.sleep(500);
            seen = metrics(reviewer);
        }
        Map<String, Object> last = seen;
        expected.forEach((name, value) -> assertThat(sum(last, name)).as(name).isEqualTo(value));
        assertThat(map(last.get(Metrics.MESSAGES_REQUESTED))).containsEntry("unit", "Count");
        Map<String, Object> latency = map(last.get(Metrics.REVIEW_LATENCY));
        assertThat(latency).containsEntry("unit", "Milliseconds").containsEntry("samples", 3);
        assertThat(((Number) latency.get("min")).longValue()).as("a review takes some time").isPositive();
        assertThat(((Number) latency.get("max")).longValue()).as("within this test").isLessThan(Duration.ofMinutes(5).toMillis());
    }

    static boolean matches(Map<String, Object> metrics, Map<String, Long> expected) {
        return expected.entrySet().stream().allMatch(e -> sum(metrics, e.getKey()) == e.getValue())
                && metrics.containsKey(Metrics.REVIEW_LATENCY)
                && ((Number) map(metrics.get(Metrics.REVIEW_LATENCY)).get("samples")).intValue() == 3;
    }

    /** GET /local/metrics on a socket of our own, naming {@code host}: the status code. */
    static int statusFor(String host) throws Exception {
        int port = URI.create(stack.baseUrl).getPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /local/metrics HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    @Test
    void theMetricsSummaryAnswersALoopbackHostAndRefusesAnotherHostName() throws Exception {
        int port = URI.create(stack.baseUrl).getPort();
        assertThat(statusFor("localhost:" + port)).isEqualTo(200);
        assertThat(statusFor("metrics.attacker.example:" + port)).as("a web page re-bound to 127.0.0.1").isEqualTo(403);
    }
}
