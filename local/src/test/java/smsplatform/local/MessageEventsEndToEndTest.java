package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;
import smsplatform.support.WebhookSignature;

/**
 * Issue #15 end to end, from the send to the customer's receiver: every status change of a message is a signed
 * MESSAGE_STATUS callback (the receipt included), and the day's statistics count each message once whatever
 * the concurrency and the duplicated receipts.
 */
@ResourceLock(SharedStack.MESSAGES)
class MessageEventsEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(MessageEventsEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "events-ops", "ENTERPRISE", true));
    }

    record Sender(ApiClient client, String sign, String templateId) {
        List<Map<String, Object>> send(List<String> numbers) throws Exception {
            ApiClient.Response sent = Journeys.send(client, numbers, sign, templateId, "123456");
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            return list(sent.json().get("sendStatuses"));
        }
    }

    static Sender sender(String account, String sign) throws Exception {
        ApiClient client = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
        return new Sender(client, sign, Journeys.approveSender(client, reviewer, sign, sign + " Ltd."));
    }

    static Map<String, Object> settled(ApiClient client, Object serial) throws Exception {
        return client.await("/v1/sms/" + serial, m -> !List.of("QUEUED", "SENT").contains(m.get("status")), "the end of " + serial);
    }

    static Map<String, Object> body(CallbackReceiver.Delivery d) {
        return Json.parseObject(d.body());
    }

    @Test
    void eachStatusChangeReachesTheReceiverSignedWithTheReceiptOnTheFinalOne() throws Exception {
        Sender sender = sender("events-journey", "Event Labs");
        try (CallbackReceiver receiver = new CallbackReceiver(n -> 204)) {
            ApiClient.Response put = sender.client().put("/v1/callbacks", Map.of("url", receiver.url(),
                    "events", List.of("MESSAGE_STATUS")));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            String secret = (String) put.json().get("secret");
            List<Map<String, Object>> sent = sender.send(List.of("+8613700131001", "+8613700130404", "+8613700130400"));
            String delivered = (String) sent.get(0).get("serialNo");
            String undelivered = (String) sent.get(1).get("serialNo");
            String failed = (String) sent.get(2).get("serialNo");

            List<CallbackReceiver.Delivery> deliveredEvent = receiver.await("msg_" + delivered + "_DELIVERED", 1, 60);
            assertThat(receiver.await("msg_" + delivered + "_SENT", 1, 10)).isNotEmpty();
            assertThat(receiver.await("msg_" + undelivered + "_UNDELIVERED", 1, 60)).isNotEmpty();
            assertThat(receiver.await("msg_" + failed + "_FAILED", 1, 60)).isNotEmpty();

            assertThat(deliveredEvent).isNotEmpty().allSatisfy(d -> assertThat(WebhookSignature.verify(secret, d.signature(),
                    d.body(), Instant.now(), Duration.ofMinutes(5))).isTrue());
            Map<String, Object> event = body(deliveredEvent.get(0));
            assertThat(event).containsEntry("type", "MESSAGE_STATUS").containsEntry("eventId", "msg_" + delivered + "_DELIVERED");
            assertThat(map(event.get("data"))).containsEntry("serialNo", delivered).containsEntry("phoneNumber", "+8613700131001")
                    .containsEntry("status", "DELIVERED").containsEntry("sign", "Event Labs");
            assertThat(map(map(event.get("data")).get("receipt"))).containsEntry("carrierStatus", "SUCCESS");
            Map<String, Object> unreachable = body(receiver.of("msg_" + undelivered + "_UNDELIVERED").get(0));
            assertThat(map(map(unreachable.get("data")).get("receipt"))).containsEntry("carrierStatus", "FAILURE");
            assertThat(receiver.of("msg_" + failed + "_SENT")).as("refused by the carrier: never SENT to the customer").isEmpty();

            // The message's own record agrees with what the receiver was told.
            assertThat(settled(sender.client(), delivered)).containsEntry("status", "DELIVERED");
        }
    }

    @Test
    void theDaysStatisticsCountEachMessageOnceUnderConcurrentSendsAndDuplicatedReceipts() throws Exception {
        Sender sender = sender("events-stats", "Count Labs");
        List<List<String>> requests = List.of(
                List.of("+8613700132001", "+8613700132002", "+8613700130202"),
                List.of("+8613700132003", "+8613700132004", "+8613700130404"),
                List.of("+8613700132005", "+8613700132006", "+8613700140202"),
                List.of("+8613700132007", "+8613700132008", "+8613700130400"));
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        List<Map<String, Object>> statuses = new ArrayList<>();
        try {
            List<Future<List<Map<String, Object>>>> futures = new ArrayList<>();
            for (List<String> numbers : requests) {
                futures.add(pool.submit(() -> sender.send(numbers)));
            }
            for (Future<List<Map<String, Object>>> f : futures) {
                statuses.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).hasSize(12).allSatisfy(s -> assertThat(s.get("code")).isEqualTo("Ok"));
        long fee = 0;
        LocalDate day = null;
        for (Map<String, Object> s : statuses) {
            Map<String, Object> message = settled(sender.client(), s.get("serialNo"));
            day = LocalDate.ofInstant(Instant.parse((String) message.get("createdAt")), ZoneOffset.UTC);
            if (!"FAILED".equals(message.get("status"))) {
                fee += ((Number) message.get("fee")).longValue();
            }
        }
        Thread.sleep(1000); // the duplicated receipts come 100 ms after the first ones
        String date = day.toString();
        int fees = (int) fee;
        ApiClient.Response stats = sender.client().get("/v1/statistics?from=" + date + "&to=" + date);
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(list(stats.json().get("days"))).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("date", date).containsEntry("requested", 12).containsEntry("sent", 11)
                .containsEntry("delivered", 10).containsEntry("undelivered", 1).containsEntry("failed", 1)
                .containsEntry("fee", fees));
    }
}
