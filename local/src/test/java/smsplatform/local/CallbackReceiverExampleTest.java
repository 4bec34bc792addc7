package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import smsplatform.json.Json;
import smsplatform.support.WebhookSignature;

/** The README's receiver, examples/callback-receiver.mjs, run under Node against signatures the platform's code makes. */
class CallbackReceiverExampleTest {

    static final String SECRET = "whsec_example";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static boolean nodeIsInstalled() {
        try {
            Process p = new ProcessBuilder("node", "--version").start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static String event(String id) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"MESSAGE_STATUS\",\"occurredAt\":\"2026-05-01T08:00:00Z\","
                + "\"data\":{\"serialNo\":\"sms-1\",\"status\":\"DELIVERED\"}}";
    }

    static int post(String url, String eventId, String signature, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Sms-Event-Id", eventId)
                .header("Sms-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theExampleVerifiesRefusesOldOrForgedDeliveriesAndPrintsEachEventOnce() throws Exception {
        Assumptions.assumeTrue(nodeIsInstalled(), "node is not installed: examples/callback-receiver.mjs is not tested");
        ProcessBuilder builder = new ProcessBuilder("node",
                RunningStack.PROJECT.resolve("examples/callback-receiver.mjs").toString());
        builder.environment().put("CALLBACK_SECRET", SECRET);
        builder.environment().put("PORT", "0");
        Path printed = Files.createTempFile("callback-receiver", ".out");
        Process node = builder.redirectOutput(printed.toFile()).start();
        try {
            String listening = new BufferedReader(new InputStreamReader(node.getErrorStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(listening).startsWith("listening on http://127.0.0.1:");
            String url = listening.substring("listening on ".length());
            long now = Instant.now().getEpochSecond();
            String first = event("evt-1");
            assertThat(post(url, "evt-1", WebhookSignature.header(SECRET, now, first), first)).isEqualTo(204);
            assertThat(post(url, "evt-1", WebhookSignature.header(SECRET, now + 2, first), first)).isEqualTo(204);
            assertThat(post(url, "evt-1", WebhookSignature.header(SECRET, now - 600, first), first)).isEqualTo(400);
            assertThat(post(url, "evt-1", WebhookSignature.header("whsec_forged", now, first), first)).isEqualTo(400);
            String tampered = first.replace("DELIVERED", "FAILED");
            assertThat(post(url, "evt-1", WebhookSignature.header(SECRET, now, first), tampered)).isEqualTo(400);
            String second = event("evt-2");
            assertThat(post(url, "evt-2", WebhookSignature.header(SECRET, now, second), second)).isEqualTo(204);
            node.destroy();
            node.waitFor(10, TimeUnit.SECONDS);
            List<String> lines = Files.readAllLines(printed, StandardCharsets.UTF_8);
            assertThat(lines).extracting(line -> Json.parseObject(line).get("eventId")).containsExactly("evt-1", "evt-2");
        } finally {
            node.destroyForcibly();
            Files.deleteIfExists(printed);
        }
    }
}
