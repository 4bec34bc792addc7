package smsplatform.local;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import smsplatform.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The REVIEW_RESULT events of the shared stack, read off its FIFO results queue
 * ({@code sms-local-review-results.fifo}) as a subscriber would. Every test class of the JVM reads
 * through this one reader: a message received is deleted, so it is kept here for whichever test waits for it.
 */
final class ReviewResultsQueue {

    private static final List<Map<String, Object>> RECEIVED = new ArrayList<>();
    private static SqsClient sqs;
    private static String queueUrl;

    private ReviewResultsQueue() {}

    /**
     * The results published for the application whose {@code idField} ({@code signatureId} or
     * {@code templateId}) is {@code id}, once at least {@code atLeast} arrived (or after 30 s), plus any
     * that follow within 1.5 s: a duplicate would show.
     */
    static synchronized List<Map<String, Object>> of(String idField, String id, int atLeast) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (mine(idField, id).size() < atLeast && System.nanoTime() < deadline) {
            receive();
        }
        Thread.sleep(1500);
        receive();
        return mine(idField, id);
    }

    private static List<Map<String, Object>> mine(String idField, String id) {
        return RECEIVED.stream().filter(r -> id.equals(r.get(idField))).toList();
    }

    private static void receive() throws Exception {
        if (sqs == null) {
            RunningStack stack = SharedStack.get();
            String endpoint = (String) Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json"))).get("sqs");
            sqs = LocalStack.client(SqsClient.builder(), endpoint).build();
            queueUrl = endpoint + "/000000000000/sms-local-review-results.fifo";
        }
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            RECEIVED.add(Json.parseObject(m.body()));
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
    }
}
