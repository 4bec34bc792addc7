package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.carrier.TwoWaySms;
import smsplatform.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue #16 over HTTP on the local stack: a handset answers through {@code POST /local/handsets/{number}/replies}, the
 * template's topic hands the reply to InboundSmsQueue, and InboundSmsFunction attributes it to the account whose
 * message the number received last, lists it at {@code GET /v1/replies}, applies an opt-out keyword and sends a
 * REPLY callback. Replies are processed exactly once, even when SNS delivers one twice.
 */
@ResourceLock(SharedStack.MESSAGES)
class RepliesEndToEndTest {

    static RunningStack stack;
    static SqsClient sqs;
    static String queueUrl;
    static ApiClient anonymous;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(RepliesEndToEndTest.class);
        anonymous = new ApiClient(stack.baseUrl, null);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "replies-ops", "ENTERPRISE", true));
        String endpoint = (String) Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json"))).get("sqs");
        sqs = LocalStack.client(SqsClient.builder(), endpoint).build();
        queueUrl = endpoint + "/" + SqsEmulator.ACCOUNT + "/InboundSmsQueue";
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    static ApiClient client(String account) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
    }

    static ApiClient.Response reply(String writtenNumber, String body) throws Exception {
        return anonymous.raw("POST", "/local/handsets/" + writtenNumber + "/replies", body, "Content-Type", "application/json");
    }

    static String replied(String writtenNumber, String text) throws Exception {
        ApiClient.Response answer = reply(writtenNumber, Json.write(Map.of("text", text)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json()).containsOnlyKeys("inboundMessageId");
        return (String) answer.json().get("inboundMessageId");
    }

    /** Every reply of the account over the last hour, page after page. */
    static List<Map<String, Object>> replies(ApiClient client) throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        String from = Instant.now().minus(Duration.ofHours(1)).toString();
        String token = null;
        do {
            ApiClient.Response page = client.get("/v1/replies?limit=100&from=" + from
                    + (token == null ? "" : "&nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            all.addAll(list(page.json().get("replies")));
            token = (String) page.json().get("nextToken");
        } while (token != null);
        return all;
    }

    /** Waits until the account lists {@code count} replies from {@code number}; returns them, newest first. */
    static List<Map<String, Object>> awaitReplies(ApiClient client, String number, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            List<Map<String, Object>> mine = replies(client).stream().filter(r -> number.equals(r.get("phoneNumber"))).toList();
            if (mine.size() >= count || System.nanoTime() > deadline) {
                assertThat(mine).as("replies from " + number).hasSize(count);
                return mine;
            }
            Thread.sleep(250);
        }
    }

    /** Sends with the template and waits until the carrier accepted every message: the numbers are then attributable. */
    static void sentAndAccepted(ApiClient client, List<String> numbers, String sign, String template, String param)
            throws Exception {
        Map<String, String> codes = OptOutsEndToEndTest.codes(Journeys.send(client, numbers, sign, template, param));
        assertThat(codes).as("sent").containsOnlyKeys(numbers).allSatisfy((n, code) -> assertThat(code).isEqualTo("Ok"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String number : numbers) {
            while (true) {
                ApiClient.Response listed = client.get("/v1/sms?status=DELIVERED&phoneNumber=" + URLEncoder.encode(number,
                        StandardCharsets.UTF_8));
                if (list(listed.json().get("messages")).stream().anyMatch(m -> m.get("text").toString().contains(param))) {
                    break;
                }
                assertThat(System.nanoTime()).as(number + " delivered").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    static ApiClient listener;

    /** An account that sent to the numbers the refusal tests use, so that every reply taken is listed. */
    static synchronized ApiClient listener() throws Exception {
        if (listener == null) {
            listener = client("replies-listener");
            String template = Journeys.approveSender(listener, reviewer, "Reply Listener", "Reply Listener Ltd.");
            sentAndAccepted(listener, List.of("+8613512345603", "+8613512345604"), "Reply Listener", template, "555555");
        }
        return listener;
    }

    @Test
    void aHandsetOptsOutWithAFullWidthTdIsSkippedByMarketingButNotByNotificationsUntilItRepliesStart() throws Exception {
        ApiClient acme = client("replies-journey");
        List<String> templates = OptOutsEndToEndTest.approvedTemplates(acme, reviewer, "Reply Journey");
        String number = "+8613512340001";
        try (CallbackReceiver receiver = new CallbackReceiver(n -> 204)) {
            ApiClient.Response subscribed = acme.put("/v1/callbacks", Map.of("url", receiver.url(), "events", List.of("REPLY")));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
            sentAndAccepted(acme, List.of(number), "Reply Journey", templates.get(0), "2026-12-24");

            String td = replied("13512340001", "ＴＤ");
            Map<String, Object> listed = awaitReplies(acme, number, 1).get(0);
            assertThat(listed).containsEntry("replyId", td).containsEntry("text", "ＴＤ").containsEntry("keyword", "OPT_OUT");
            assertThat(list(acme.get("/v1/opt-outs").json().get("optOuts"))).singleElement()
                    .satisfies(o -> assertThat(o).containsEntry("phoneNumber", number).containsEntry("source", "REPLY"));
            assertThat(OptOutsEndToEndTest.codes(Journeys.send(acme, List.of(number), "Reply Journey", templates.get(0),
                    "2026-12-31"))).containsEntry(number, "FailedOperation.PhoneNumberOptedOut");
            assertThat(OptOutsEndToEndTest.codes(Journeys.send(acme, List.of(number), "Reply Journey", templates.get(1),
                    "4711"))).containsEntry(number, "Ok");

            replied("+8613512340001", "start");
            awaitReplies(acme, number, 2);
            assertThat(list(acme.get("/v1/opt-outs").json().get("optOuts"))).isEmpty();
            assertThat(OptOutsEndToEndTest.codes(Journeys.send(acme, List.of(number), "Reply Journey", templates.get(0),
                    "2027-01-01"))).containsEntry(number, "Ok");

            List<CallbackReceiver.Delivery> event = receiver.await("reply_" + td, 1, 30);
            assertThat(event).isNotEmpty();
            Map<String, Object> data = map(Json.parseObject(event.get(0).body()).get("data"));
            assertThat(data).containsEntry("replyId", td).containsEntry("phoneNumber", number)
                    .containsEntry("keyword", "OPT_OUT").containsEntry("serialNo", listed.get("serialNo"));
        }
    }

    @Test
    void aReplyBelongsToTheAccountWhoseMessageTheNumberReceivedLast() throws Exception {
        ApiClient first = client("replies-first");
        ApiClient second = client("replies-second");
        String firstTemplate = Journeys.approveSender(first, reviewer, "Reply First", "Reply First Ltd.");
        String secondTemplate = Journeys.approveSender(second, reviewer, "Reply Second", "Reply Second Ltd.");
        String number = "+8613512340002";

        sentAndAccepted(first, List.of(number), "Reply First", firstTemplate, "111111");
        sentAndAccepted(second, List.of(number), "Reply Second", secondTemplate, "222222");
        replied(number.replace("+", "%2B"), "who is this?");
        awaitReplies(second, number, 1);

        sentAndAccepted(first, List.of(number), "Reply First", firstTemplate, "333333");
        replied(number.replace("+", "%2B"), "thanks");
        assertThat(awaitReplies(first, number, 1)).extracting(r -> r.get("text")).containsExactly("thanks");
        assertThat(replies(second).stream().filter(r -> number.equals(r.get("phoneNumber"))).map(r -> r.get("text")))
                .containsExactly("who is this?");
    }

    @Test
    void aThousandRepliesSomeDeliveredTwiceAreEachListedAndAnnouncedExactlyOnce() throws Exception {
        ApiClient flood = client("replies-flood");
        String template = Journeys.approveSender(flood, reviewer, "Reply Flood", "Reply Flood Ltd.");
        String number = "+8613512340003";
        try (CallbackReceiver receiver = new CallbackReceiver(n -> 204)) {
            assertThat(flood.put("/v1/callbacks", Map.of("url", receiver.url(), "events", List.of("REPLY"))).status())
                    .isEqualTo(200);
            sentAndAccepted(flood, List.of(number), "Reply Flood", template, "444444");
            Set<String> ids = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> posts = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    String text = "reply #" + i;
                    posts.add(pool.submit(() -> ids.add(replied(number, text))));
                }
                for (Future<?> post : posts) {
                    post.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(ids).hasSize(1000);
            // SNS delivers at least once: the same notification a second time, for fifty of them.
            Instant at = Instant.now();
            int twice = 0;
            for (String id : ids) {
                if (twice++ == 50) {
                    break;
                }
                String payload = TwoWaySms.payload(number, HandsetReplies.ORIGINATION_NUMBER, HandsetReplies.NO_KEYWORD,
                        "again", id, null);
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(LocalTopics.envelope(UUID.randomUUID().toString(),
                        "arn:aws:sns:us-east-1:" + SqsEmulator.ACCOUNT + ":sms-local-InboundSmsTopic", payload, at)));
            }

            List<Map<String, Object>> listed = awaitReplies(flood, number, 1000);
            assertThat(listed.stream().map(r -> r.get("replyId")).collect(Collectors.toSet())).isEqualTo(ids);
            assertThat(listed).noneMatch(r -> "again".equals(r.get("text")));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (receiver.received().size() < 1000 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(receiver.received()).isEqualTo(ids.stream().map(id -> "reply_" + id).collect(Collectors.toSet()));
        }
    }

    @Test
    void theHandsetIsReadInAnyAcceptedFormOfItsNumberAndAFormTheApiRefusesIs400() throws Exception {
        for (String written : List.of("13512345602", "8613512345602", "008613512345602", "%2B8613512345602", "+8613512345602",
                "%2B86%20135-1234-5602", "135%201234%205602", "(%2B86)135.1234.5602")) {
            ApiClient.Response handset = anonymous.get("/local/handsets/" + written);
            assertThat(handset.status()).as(written).isEqualTo(200);
            assertThat(handset.json()).as(written).containsEntry("phoneNumber", "+8613512345602").containsEntry("messages", List.of());
        }
        for (String refused : List.of("%2B86%20135-1234-560", "1351234560", "010-1234-5678", "not-a-number")) {
            ApiClient.Response handset = anonymous.get("/local/handsets/" + refused);
            assertThat(handset.status()).as(refused).isEqualTo(400);
            assertThat(handset.json()).as(refused).containsOnlyKeys("message");
        }
    }

    @Test
    void badRepliesAre400WithAMessageAndPublishNothing() throws Exception {
        listener();
        String e164 = "+8613512345603";
        List<List<String>> refused = List.of(
                List.of("%2B86%20135-1234-560", Json.write(Map.of("text", "the API refuses this number: a digit short"))),
                List.of("13512345603", ""),
                List.of("13512345603%20", "not json"),
                List.of("8613512345603", "[\"TD\"]"),
                List.of("008613512345603", Json.write(Map.of("text", 42))),
                List.of("+8613512345603", Json.write(Map.of("message", "TD"))),
                List.of("%2B8613512345603", Json.write(Map.of("text", " \u3000\n "))),
                List.of("13512345603", Json.write(Map.of("text", "x".repeat(TwoWaySms.MAX_TEXT_LENGTH + 1)))));
        for (List<String> r : refused) {
            ApiClient.Response answer = reply(r.get(0), r.get(1));
            assertThat(answer.status()).as(r.toString()).isEqualTo(400);
            assertThat(answer.json()).as(r.toString()).containsOnlyKeys("message");
        }
        String longest = "退".repeat(TwoWaySms.MAX_TEXT_LENGTH);
        assertThat(reply("13512345603", Json.write(Map.of("text", longest))).status()).isEqualTo(202);
        assertThat(awaitReplies(listener(), e164, 1)).as("only the reply that was taken")
                .extracting(r -> r.get("text")).containsExactly(longest);
    }

    @Test
    void aPeerThatIsNotLoopbackOrAnotherHostNameIsRefused403AndPublishesNothing() throws Exception {
        listener();
        String body = Json.write(Map.of("text", "from afar"));
        String headers = "Content-Type: application/json\r\n";
        int port = URI.create(stack.baseUrl).getPort();
        LocalSurfacesEndToEndTest.port = port;
        LocalSurfacesEndToEndTest.RawResponse rebound = LocalSurfacesEndToEndTest.exchange(InetAddress.getLoopbackAddress(),
                "sms.attacker.example:" + port, "POST", "/local/handsets/%2B8613512345604/replies", headers, body);
        assertThat(rebound.status()).isEqualTo(403);
        Optional<InetAddress> remote = LocalSurfacesEndToEndTest.nonLoopbackAddress();
        if (remote.isPresent()) { // a machine with no address but loopback has no other peer to refuse
            assertThat(LocalSurfacesEndToEndTest.exchange(remote.get(), "127.0.0.1:" + port, "POST",
                    "/local/handsets/%2B8613512345604/replies", headers, body).status()).isEqualTo(403);
        }
        assertThat(reply("13512345604", Json.write(Map.of("text", "from here"))).status()).isEqualTo(202);
        assertThat(awaitReplies(listener(), "+8613512345604", 1)).extracting(r -> r.get("text")).containsExactly("from here");
    }
}
