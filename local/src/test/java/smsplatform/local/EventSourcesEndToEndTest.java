package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage;
import smsplatform.json.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The event sources behave as the template declares, on a copy of template.yaml whose outbound
 * queue retries fast (visibility 2 s, maxReceiveCount 2; its DLQ's consumer sees a refused dead letter
 * again after 2 s, so this test's own receives compete with it) and whose certificate check cannot reach
 * its table: partial batch failures, redrive to the DLQ, and S3's asynchronous retries ending in the
 * on-failure destination.
 */
class EventSourcesEndToEndTest {

    @TempDir
    static Path work;
    static RunningStack stack;
    static SqsClient sqs;
    static String sqsEndpoint;

    @BeforeAll
    static void start() throws Exception {
        Path template = work.resolve("template.yaml");
        Files.writeString(template, fastRetryTemplate(Files.readString(RunningStack.PROJECT.resolve("template.yaml"))));
        stack = RunningStack.start(work.resolve("data"), "--template", template.toString());
        Map<String, Object> endpoints = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json")));
        sqsEndpoint = (String) endpoints.get("sqs");
        sqs = LocalStack.client(SqsClient.builder(), sqsEndpoint).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (sqs != null) {
            sqs.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static String fastRetryTemplate(String original) {
        String t = original.replace("CodeUri: functions/", "CodeUri: " + RunningStack.PROJECT.resolve("functions") + "/");
        t = replaceInBlock(t, "  OutboundQueue:", "VisibilityTimeout: 180", "VisibilityTimeout: 2");
        t = replaceInBlock(t, "  OutboundQueue:", "maxReceiveCount: 10", "maxReceiveCount: 2");
        t = replaceInBlock(t, "  OutboundDLQ:", "VisibilityTimeout: 180", "VisibilityTimeout: 2");
        t = replaceInBlock(t, "  ReviewQueue:", "VisibilityTimeout: 180", "VisibilityTimeout: 2");
        t = replaceInBlock(t, "  ReviewQueue:", "maxReceiveCount: 5", "maxReceiveCount: 2");
        t = replaceInBlock(t, "  CertificateCheckFunction:", "          REVIEW_QUEUE_URL: !Ref ReviewQueue",
                "          REVIEW_QUEUE_URL: !Ref ReviewQueue\n          TABLE_NAME: no-such-table");
        return t;
    }

    private static String replaceInBlock(String text, String blockStart, String from, String to) {
        int start = text.indexOf(blockStart + "\n");
        Matcher next = Pattern.compile("\n  [A-Za-z]+:\n").matcher(text);
        int end = next.find(start + blockStart.length()) ? next.start() : text.length();
        String block = text.substring(start, end);
        if (!block.contains(from)) {
            throw new IllegalStateException(blockStart + " has no '" + from + "'");
        }
        return text.substring(0, start) + block.replace(from, to) + text.substring(end);
    }

    String url(String queue) {
        return sqsEndpoint + "/000000000000/" + queue;
    }

    @Test
    void aPoisonMessageReachesTheDlqWhileTheRestOfItsBatchSucceedsOnce() throws Exception {
        String good1 = "sms-00000000000000000000000001";
        String good2 = "sms-00000000000000000000000002";
        sqs.sendMessageBatch(b -> b.queueUrl(url("OutboundQueue")).entries(
                SendMessageBatchRequestEntry.builder().id("good1")
                        .messageBody(Json.write(Map.of("accountId", "redrive", "serialNo", good1))).build(),
                SendMessageBatchRequestEntry.builder().id("poison").messageBody("this is not JSON").build(),
                SendMessageBatchRequestEntry.builder().id("good2")
                        .messageBody(Json.write(Map.of("accountId", "redrive", "serialNo", good2))).build()));

        // The outbound DLQ has a consumer (which refuses the poison each time, leaving it there): observe the
        // queue's counts and that consumer's log rather than race it for the message.
        awaitDeadLetters(url("OutboundDLQ"), 1, Duration.ofSeconds(60));
        Map<String, String> left = sqs.getQueueAttributes(b -> b.queueUrl(url("OutboundQueue")).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributesAsStrings();
        assertThat(left.values()).containsOnly("0");

        String log = Files.readString(stack.dataDir.resolve("logs/DeliveryFunction.log"), StandardCharsets.UTF_8);
        assertThat(occurrences(log, good1)).as("processed once, not redelivered with the poison").isEqualTo(1);
        assertThat(occurrences(log, good2)).isEqualTo(1);
        // (Refusals of other tests' messages fail too, but name their serial number; the poison names none.)
        assertThat(log.lines().filter(l -> l.contains("\"event\":\"message.failed\"") && !l.contains("\"serialNo\"")))
                .as("2 receives, then the DLQ").hasSize(2);
    }

    @Test
    void aPoisonReviewMessageReachesTheReviewDlqWhileItsBatchMatesAreProcessed() throws Exception {
        String valid = Json.write(Map.of("kind", "AUTOMATIC_REVIEW", "accountId", "nobody",
                "signatureId", "sig-0000000000000000000000000c", "version", 1));
        sqs.sendMessageBatch(b -> b.queueUrl(url("ReviewQueue")).entries(
                SendMessageBatchRequestEntry.builder().id("valid").messageBody(valid).build(),
                SendMessageBatchRequestEntry.builder().id("poison").messageBody("{\"kind\": \"NO_SUCH_KIND\"}").build()));
        List<Message> dead = awaitMessages(url("ReviewDLQ"), Duration.ofSeconds(60));
        assertThat(dead).extracting(Message::body).containsExactly("{\"kind\": \"NO_SUCH_KIND\"}");
        String log = Files.readString(stack.dataDir.resolve("logs/ReviewQueueFunction.log"), StandardCharsets.UTF_8);
        assertThat(occurrences(log, "sig-0000000000000000000000000c")).as("the valid message, once").isEqualTo(1);
    }

    @Test
    void aCertificateEventThatKeepsFailingIsRetriedThenSentToTheOnFailureDestination() throws Exception {
        String key = "certificates/acme/sig-0000000000000000000000000a/BUSINESS_LICENSE/up-0000000000000000000000000a";
        Map<String, Object> endpoints = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json")));
        try (S3Client s3 = LocalStack.client(S3Client.builder(), (String) endpoints.get("s3")).forcePathStyle(true).build()) {
            s3.putObject(b -> b.bucket("sms-certificates-00000000-0000-4000-8000-000000000000").key(key).contentType("application/pdf"),
                    RequestBody.fromBytes(SignatureJourneyEndToEndTest.PDF));
        }
        List<Message> failed = awaitMessages(url("CertificateEventsDLQ"), Duration.ofSeconds(60));
        assertThat(failed).hasSize(1);
        Map<String, Object> record = Json.parseObject(failed.get(0).body());
        assertThat(ApiClient.map(record.get("requestContext"))).containsEntry("condition", "RetriesExhausted")
                .containsEntry("approximateInvokeCount", 3);
        assertThat(Json.write(record.get("requestPayload"))).contains(key);
        String log = Files.readString(stack.dataDir.resolve("logs/CertificateCheckFunction.log"), StandardCharsets.UTF_8);
        assertThat(occurrences(log, "\"event\":\"certificate.failed\"")).as("1 try + MaximumRetryAttempts 2").isEqualTo(3);
    }

    DynamoMessageStore messageStore() throws Exception {
        Map<String, Object> endpoints = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json")));
        return new DynamoMessageStore(LocalStack.client(DynamoDbClient.builder(), (String) endpoints.get("dynamoDb")).build(),
                "SmsTable");
    }

    static SmsMessage queued(String account, String serial, String phone) {
        Instant now = Instant.now();
        return new SmsMessage(new AccountId(account), new SerialNo(serial), phone, "Dead Letters", null, "【Dead Letters】hello", 1, SmsMessage.Status.QUEUED,
                List.of(new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, now, null)), now);
    }

    SmsMessage awaitStatus(DynamoMessageStore store, String account, String serial, SmsMessage.Status status)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        SmsMessage last = null;
        while (System.nanoTime() < deadline) {
            last = store.find(new AccountId(account), new SerialNo(serial)).orElseThrow();
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(serial + " did not become " + status + ": " + last);
    }

    @Test
    void aDeliveryTheCarrierRefusesForNowEveryTimeEndsFailedThroughTheDeadLetterConsumer() throws Exception {
        DynamoMessageStore store = messageStore();
        String serial = "sms-000000000000000000000000d1";
        store.recordQueued(List.of(queued("dead-letters", serial, "+8613800000599")), false);
        sqs.sendMessage(b -> b.queueUrl(url("OutboundQueue")).messageBody(Json.write(Map.of(
                "accountId", "dead-letters", "serialNo", serial, "requestId", "req-dead-letter-1"))));

        SmsMessage failed = awaitStatus(store, "dead-letters", serial, SmsMessage.Status.FAILED);
        assertThat(failed.statusHistory()).extracting(SmsMessage.StatusChange::status).containsExactly(
                SmsMessage.Status.QUEUED, SmsMessage.Status.SENT, SmsMessage.Status.SENT, SmsMessage.Status.SENT,
                SmsMessage.Status.FAILED);
        assertThat(failed.lastChange().detail()).contains("dead-letter queue").contains("carrier refused for now");
        // The line comes once the change is stored and its MESSAGE_STATUS event published: wait for it.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> settled = List.of();
        while (settled.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            settled = Files.readString(stack.dataDir.resolve("logs/OutboundDeadLetterFunction.log"), StandardCharsets.UTF_8)
                    .lines().filter(l -> l.contains(serial) && l.contains("\"event\":\"dead-letter.settled\"")).toList();
        }
        assertThat(settled).singleElement().asString().contains("\"requestId\":\"req-dead-letter-1\"");
    }

    @Test
    void aDeadLetterOfADeliveredMessageLeavesItDelivered() throws Exception {
        DynamoMessageStore store = messageStore();
        String serial = "sms-000000000000000000000000d2";
        Instant now = Instant.now();
        store.recordQueued(List.of(queued("dead-letters", serial, "+8613800000001")), false);
        assertThat(store.transition(new AccountId("dead-letters"), new SerialNo(serial), SmsMessage.Status.QUEUED,
                new SmsMessage.StatusChange(SmsMessage.Status.SENT, now, null))).isTrue();
        assertThat(store.transition(new AccountId("dead-letters"), new SerialNo(serial), SmsMessage.Status.SENT,
                new SmsMessage.StatusChange(SmsMessage.Status.DELIVERED, now, "delivered"))).isTrue();
        sqs.sendMessage(b -> b.queueUrl(url("OutboundDLQ")).messageBody(Json.write(Map.of(
                "accountId", "dead-letters", "serialNo", serial))));

        Path log = stack.dataDir.resolve("logs/OutboundDeadLetterFunction.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !(Files.exists(log) && Files.readString(log).lines()
                .anyMatch(l -> l.contains(serial) && l.contains("\"event\":\"dead-letter.ignored\"")))) {
            Thread.sleep(500);
        }
        assertThat(Files.readString(log)).contains("\"reason\":\"already DELIVERED\"");
        assertThat(store.find(new AccountId("dead-letters"), new SerialNo(serial)).orElseThrow().status()).isEqualTo(SmsMessage.Status.DELIVERED);
    }

    /** Waits until the queue holds exactly {@code count} messages, visible or in flight. */
    private void awaitDeadLetters(String queueUrl, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int held = 0;
        while (System.nanoTime() < deadline) {
            held = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum();
            if (held >= count) {
                Thread.sleep(3000); // anything that would wrongly follow (a duplicate, a good message) has time to arrive
                held = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum();
                assertThat(held).as("messages in " + queueUrl).isEqualTo(count);
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(queueUrl + " held " + held + " messages, not " + count + ", within " + timeout);
    }

    private List<Message> awaitMessages(String queueUrl, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // Held for a minute: a queue's consumer (the outbound DLQ has one) cannot take them back meanwhile.
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60)).messages();
            if (!messages.isEmpty()) {
                // Anything that would wrongly follow (a duplicate, another message) has time to arrive.
                Thread.sleep(3000);
                List<Message> all = new ArrayList<>(messages);
                all.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .visibilityTimeout(60)).messages());
                return all;
            }
        }
        throw new AssertionError("nothing arrived on " + queueUrl + " within " + timeout);
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
