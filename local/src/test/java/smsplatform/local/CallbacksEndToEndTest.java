package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.SqsCallbackEvents;
import smsplatform.domain.AccountId;
import smsplatform.domain.CallbackEvent;
import smsplatform.json.Json;
import smsplatform.support.WebhookSignature;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Signed webhooks on the shared stack (its retry window is {@link SharedStack#CALLBACK_RETRY_WINDOW_SECONDS}):
 * receivers on this machine, events from the review pipeline and from a producer's adapter
 * ({@link SqsCallbackEvents}, what delivery, receipts and the sweeper publish through).
 */
@ResourceLock(SharedStack.MESSAGES)
class CallbacksEndToEndTest {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static RunningStack stack;
    static ApiClient reviewer;
    static SqsCallbackEvents producer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(CallbacksEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "callbacks-ops", "ENTERPRISE", true));
        String endpoint = (String) Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json"))).get("sqs");
        SqsClient sqs = LocalStack.client(SqsClient.builder(), endpoint).build();
        producer = new SqsCallbackEvents(() -> sqs, endpoint + "/000000000000/CallbackQueue");
    }

    static ApiClient account(String id) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, id, "ENTERPRISE", false));
    }

    /** Subscribes the account to MESSAGE_STATUS and REVIEW_RESULT at the receiver; returns the secret shown once. */
    static String subscribe(ApiClient client, CallbackReceiver receiver) throws Exception {
        ApiClient.Response put = client.put("/v1/callbacks", Map.of("url", receiver.url(),
                "events", List.of("MESSAGE_STATUS", "REVIEW_RESULT")));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return (String) put.json().get("secret");
    }

    static String publish(String accountId) {
        String eventId = "evt-e2e-" + UUID.randomUUID();
        producer.publish(List.of(new CallbackEvent(eventId, CallbackEvent.Type.MESSAGE_STATUS, new AccountId(accountId), Instant.now(),
                Map.of("serialNo", "sms-e2e", "status", "DELIVERED"))));
        return eventId;
    }

    static boolean signedWith(String secret, CallbackReceiver.Delivery d) {
        return WebhookSignature.verify(secret, d.signature(), d.body(), Instant.now(), TOLERANCE);
    }

    @Test
    void aReceiverVerifiesTheSignedReviewResultOfAnApprovedSignature() throws Exception {
        ApiClient client = account("callbacks-review");
        try (CallbackReceiver receiver = new CallbackReceiver(n -> 204)) {
            String secret = subscribe(client, receiver);
            assertThat(secret).startsWith("whsec_");
            String id = Journeys.approve(client, reviewer, "Hook Review Labs", "Hook Review Labs Ltd.");
            long deadline = System.nanoTime() + 30_000_000_000L;
            CallbackReceiver.Delivery delivery = null;
            while (delivery == null && System.nanoTime() < deadline) {
                delivery = receiver.deliveries.stream().filter(d -> d.body().contains(id)).findFirst().orElse(null);
                Thread.sleep(100);
            }
            assertThat(delivery).as("REVIEW_RESULT of " + id).isNotNull();
            assertThat(signedWith(secret, delivery)).isTrue();
            Map<String, Object> body = Json.parseObject(delivery.body());
            assertThat(body).containsOnlyKeys("eventId", "type", "occurredAt", "data")
                    .containsEntry("type", "REVIEW_RESULT").containsEntry("eventId", delivery.eventId());
            assertThat(map(body.get("data"))).containsEntry("kind", "SIGNATURE").containsEntry("signatureId", id)
                    .containsEntry("status", "APPROVED").containsEntry("name", "Hook Review Labs");
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventExactlyOnceAfterDeduplicationByEventId() throws Exception {
        ApiClient client = account("callbacks-flaky");
        try (CallbackReceiver receiver = new CallbackReceiver(n -> n <= 3 ? 503 : 200)) {
            String secret = subscribe(client, receiver);
            String eventId = publish("callbacks-flaky");
            List<CallbackReceiver.Delivery> attempts = receiver.await(eventId, 4, 40);
            Thread.sleep(3000);   // no further attempt after the 200
            attempts = receiver.of(eventId);
            assertThat(attempts).hasSize(4).allSatisfy(d -> assertThat(signedWith(secret, d)).isTrue());
            // What the receiver processed: each delivery it accepted, once per event id.
            Set<String> seen = new HashSet<>();
            List<String> processed = attempts.stream().filter(d -> d.answered() == 200 && seen.add(d.eventId()))
                    .map(CallbackReceiver.Delivery::body).toList();
            assertThat(processed).singleElement().satisfies(b -> assertThat(b).contains("\"status\":\"DELIVERED\""));
            assertThat(client.get("/v1/callbacks/failures").json().get("failures")).isEqualTo(List.of());
        }
    }

    @Test
    void aReceiverDownForTheWholeWindowEndsInTheFailuresNewestFirstPageByPage() throws Exception {
        ApiClient client = account("callbacks-down");
        try (CallbackReceiver receiver = new CallbackReceiver(n -> 500)) {
            subscribe(client, receiver);
            String first = publish("callbacks-down");
            Thread.sleep(1000);
            String second = publish("callbacks-down");
            long deadline = System.nanoTime() + (SharedStack.CALLBACK_RETRY_WINDOW_SECONDS + 40) * 1_000_000_000L;
            List<Map<String, Object>> failures = List.of();
            while (failures.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                failures = list(client.get("/v1/callbacks/failures").json().get("failures"));
            }
            assertThat(failures).extracting(f -> f.get("eventId")).containsExactly(second, first);
            assertThat(failures.get(0)).containsEntry("lastError", "HTTP 500").containsEntry("url", receiver.url());
            assertThat(((Number) failures.get(0).get("attempts")).intValue()).isEqualTo(receiver.of(second).size())
                    .isGreaterThanOrEqualTo(3);
            ApiClient.Response page1 = client.get("/v1/callbacks/failures?limit=1");
            assertThat(list(page1.json().get("failures"))).extracting(f -> f.get("eventId")).containsExactly(second);
            ApiClient.Response page2 = client.get("/v1/callbacks/failures?limit=1&nextToken=" + page1.json().get("nextToken"));
            assertThat(list(page2.json().get("failures"))).extracting(f -> f.get("eventId")).containsExactly(first);
            ApiClient.Response foreign = account("callbacks-other").get("/v1/callbacks/failures?nextToken="
                    + page1.json().get("nextToken"));
            assertThat(foreign.status()).isEqualTo(400);
        }
    }

    @Test
    void aRotatedSecretSignsTheNextAttempt() throws Exception {
        ApiClient client = account("callbacks-rotate");
        AtomicBoolean rotated = new AtomicBoolean();
        try (CallbackReceiver receiver = new CallbackReceiver(n -> rotated.get() ? 200 : 503)) {
            String old = subscribe(client, receiver);
            String eventId = publish("callbacks-rotate");
            assertThat(receiver.await(eventId, 1, 20)).hasSize(1);
            ApiClient.Response rotation = client.post("/v1/callbacks/secret", Map.of());
            assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
            String fresh = (String) rotation.json().get("secret");
            rotated.set(true);
            long deadline = System.nanoTime() + 40_000_000_000L;
            while (receiver.of(eventId).stream().noneMatch(d -> signedWith(fresh, d)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<CallbackReceiver.Delivery> attempts = receiver.of(eventId);
            assertThat(fresh).isNotEqualTo(old);
            assertThat(signedWith(old, attempts.get(0))).isTrue();
            CallbackReceiver.Delivery last = attempts.get(attempts.size() - 1);
            assertThat(signedWith(fresh, last)).isTrue();
            assertThat(signedWith(old, last)).isFalse();
        }
    }

    @Test
    void theSecretIsShownOnlyWhenMadeAndAChangeOfUrlKeepsIt() throws Exception {
        ApiClient client = account("callbacks-settings");
        ApiClient.Response created = client.put("/v1/callbacks", Map.of("url", "https://hooks.settings.invalid/sms",
                "events", List.of("MESSAGE_STATUS")));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json()).containsKey("secret");
        ApiClient.Response changed = client.put("/v1/callbacks", Map.of("url", "https://hooks.settings.invalid/v2",
                "events", List.of("REVIEW_RESULT", "MESSAGE_STATUS")));
        assertThat(changed.json()).doesNotContainKey("secret").containsEntry("url", "https://hooks.settings.invalid/v2")
                .containsEntry("events", List.of("MESSAGE_STATUS", "REVIEW_RESULT"));
        ApiClient.Response read = client.get("/v1/callbacks");
        assertThat(read.json()).doesNotContainKey("secret").containsEntry("url", "https://hooks.settings.invalid/v2");
        assertThat(client.delete("/v1/callbacks").status()).isEqualTo(204);
        assertThat(client.get("/v1/callbacks").status()).isEqualTo(404);
        assertThat(client.post("/v1/callbacks/secret", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void anSsrfUrlIsRefusedWithItsCodeAndChangesNothing() throws Exception {
        ApiClient client = account("callbacks-ssrf");
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://10.0.0.1/", "https://[fd00:ec2::254]/",
                "https://user:pw@hooks.example.com/", "ftp://hooks.example.com/", "http://192.168.0.1/")) {
            ApiClient.Response refused = client.put("/v1/callbacks", Map.of("url", url, "events", List.of("MESSAGE_STATUS")));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(map(refused.json().get("error"))).as(url).containsEntry("code", "InvalidParameterValue.CallbackUrl")
                    .containsEntry("field", "url");
        }
        ApiClient.Response badEvents = client.put("/v1/callbacks", Map.of("url", "https://hooks.example.com/",
                "events", List.of("EVERYTHING")));
        assertThat(map(badEvents.json().get("error"))).containsEntry("code", "InvalidParameterValue.CallbackEvents");
        assertThat(client.get("/v1/callbacks").status()).isEqualTo(404);
    }
}
