package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smsplatform.carrier.TwoWaySms;
import smsplatform.domain.InboundSms;
import smsplatform.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A handset's reply, from {@code POST /local/handsets/{number}/replies} to the body waiting on InboundSmsQueue, read
 * here with the SDK from the local SQS and parsed as the inbound function will parse it. (Once a function consumes
 * that queue, this belongs in a journey: reading the queue here would race with it.)
 */
class InboundSmsPlumbingEndToEndTest {

    static RunningStack stack;
    static SqsClient sqs;
    static String queueUrl;
    static ApiClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        anonymous = new ApiClient(stack.baseUrl, null);
        String endpoint = (String) Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json"))).get("sqs");
        sqs = LocalStack.client(SqsClient.builder(), endpoint).build();
        queueUrl = endpoint + "/" + SqsEmulator.ACCOUNT + "/InboundSmsQueue";
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    static ApiClient.Response reply(String writtenNumber, String body) throws Exception {
        return anonymous.raw("POST", "/local/handsets/" + writtenNumber + "/replies", body, "Content-Type", "application/json");
    }

    /** The replies from {@code e164} that arrive on the queue until one with {@code lastText}, in order (deleted). */
    static List<Message> repliesUntil(String e164, String lastText) throws Exception {
        List<Message> mine = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                if (TwoWaySms.parse(m.body()).from().equals(e164)) {
                    mine.add(m);
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                } else {
                    sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                }
            }
            if (mine.stream().anyMatch(m -> TwoWaySms.parse(m.body()).text().equals(lastText))) {
                return mine;
            }
        }
        throw new AssertionError("no reply '" + lastText + "' from " + e164 + " on InboundSmsQueue; received " + mine.size());
    }

    @Test
    void aReplyWrittenToAnyAcceptedFormOfTheNumberArrivesOnTheInboundQueueAsTheDocumentedNotification() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        String text = "ＴＤ　退订 Stop😀";
        ApiClient.Response answer = reply("008613512345601", Json.write(Map.of("text", "  " + text + "\n")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String inboundMessageId = (String) answer.json().get("inboundMessageId");
        assertThat(answer.json()).containsOnlyKeys("inboundMessageId");

        List<Message> arrived = repliesUntil("+8613512345601", text);
        assertThat(arrived).hasSize(1);
        InboundSms reply = TwoWaySms.parse(arrived.get(0).body());
        assertThat(reply).isEqualTo(new InboundSms(inboundMessageId, "+8613512345601", HandsetReplies.ORIGINATION_NUMBER, text,
                reply.receivedAt()));
        assertThat(reply.receivedAt()).isBetween(before, Instant.now());

        Map<String, Object> envelope = Json.parseObject(arrived.get(0).body());
        assertThat(envelope).containsEntry("Type", "Notification")
                .containsEntry("TopicArn", "arn:aws:sns:us-east-1:" + SqsEmulator.ACCOUNT + ":sms-local-InboundSmsTopic");
        Map<String, Object> payload = Json.parseObject((String) envelope.get("Message"));
        assertThat(payload.keySet()).containsExactly("originationNumber", "destinationNumber", "messageKeyword", "messageBody",
                "inboundMessageId", "previousPublishedMessageId");
        assertThat(payload).containsEntry("messageKeyword", HandsetReplies.NO_KEYWORD)
                .as("this handset received nothing to answer").containsEntry("previousPublishedMessageId", null);
    }

    @Test
    void theHandsetIsReadInAnyAcceptedFormOfItsNumberAndAFormTheApiRefusesIs400() throws Exception {
        for (String written : List.of("13512345602", "8613512345602", "008613512345602", "%2B8613512345602", "+8613512345602")) {
            ApiClient.Response handset = anonymous.get("/local/handsets/" + written);
            assertThat(handset.status()).as(written).isEqualTo(200);
            assertThat(handset.json()).as(written).containsEntry("phoneNumber", "+8613512345602").containsEntry("messages", List.of());
        }
        for (String refused : List.of("%2B86%20135-1234-5602", "1351234560", "not-a-number")) {
            ApiClient.Response handset = anonymous.get("/local/handsets/" + refused);
            assertThat(handset.status()).as(refused).isEqualTo(400);
            assertThat(handset.json()).as(refused).containsOnlyKeys("message");
        }
    }

    @Test
    void badRepliesAre400WithAMessageAndPublishNothing() throws Exception {
        String e164 = "+8613512345603";
        List<List<String>> refused = List.of(
                List.of("%2B86%20135-1234-5603", Json.write(Map.of("text", "the API refuses this form of the number"))),
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
        assertThat(repliesUntil(e164, longest)).as("only the reply that was taken").hasSize(1);
    }

    @Test
    void aPeerThatIsNotLoopbackOrAnotherHostNameIsRefused403AndPublishesNothing() throws Exception {
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
        assertThat(repliesUntil("+8613512345604", "from here")).extracting(m -> TwoWaySms.parse(m.body()).text())
                .containsExactly("from here");
    }
}
