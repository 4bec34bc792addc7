package smsplatform.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import smsplatform.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping as Lambda runs it: long-poll, invoke with a batch, delete what
 * succeeded. With ReportBatchItemFailures, only the reported messages stay; a function error keeps
 * the whole batch. Kept messages reappear after the visibility timeout, and the queue's redrive
 * policy moves them to the DLQ after maxReceiveCount receives.
 */
final class QueueEventSource implements AutoCloseable {

    /**
     * A receive waits this long for a message (SQS's maximum). It answers as soon as one is there: ElasticMQ
     * wakes a waiting receive on a send and when a message becomes visible again. A short wait only costs an idle
     * stack its CPU (ten queues polled every second).
     */
    static final int LONG_POLL_SECONDS = 20;

    private final SqsClient sqs;
    private final FunctionPool functions;
    private final LocalFunction function;
    private final LocalFunction.SqsTrigger trigger;
    private final String queueUrl;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean delivering;

    QueueEventSource(SqsClient sqs, FunctionPool functions, LocalFunction function, LocalFunction.SqsTrigger trigger,
                     String queueUrl) {
        this.sqs = sqs;
        this.functions = functions;
        this.function = function;
        this.trigger = trigger;
        this.queueUrl = queueUrl;
        this.thread = new Thread(this::run, "sqs-" + trigger.queueName() + "-" + function.logicalId());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(Math.min(trigger.batchSize(), 10)).waitTimeSeconds(LONG_POLL_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (!messages.isEmpty() && running) {
                    delivering = true;
                    try {
                        deliver(messages);
                    } finally {
                        delivering = false;
                    }
                }
            } catch (Exception e) {
                if (running) {
                    System.err.println("sms-local: polling " + trigger.queueName() + " failed: " + e.getMessage());
                    sleep(1000);
                }
            }
        }
    }

    private void deliver(List<Message> messages) throws Exception {
        FunctionProcess.Result result = functions.invoke(function.logicalId(), Json.write(event(messages)));
        if (result.functionError()) {
            return;
        }
        Set<String> failed = new HashSet<>();
        if (trigger.reportBatchItemFailures()) {
            Object parsed = Json.parse(result.payload());
            for (Object f : Template.list(Template.map(parsed).get("batchItemFailures"))) {
                failed.add(String.valueOf(Template.map(f).get("itemIdentifier")));
            }
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
    }

    private Map<String, Object> event(List<Message> messages) {
        List<Object> records = new ArrayList<>();
        for (Message m : messages) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            m.attributesAsStrings().forEach(attributes::put);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            r.put("attributes", attributes);
            r.put("messageAttributes", Map.of());
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", SqsEmulator.queueArn(trigger.queueName()));
            r.put("awsRegion", StackPlan.REGION);
            records.add(r);
        }
        return Map.of("Records", records);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        // A batch being delivered is finished; a poll under way is not waited for. Messages it may still receive
        // are not delivered: they become visible again after their visibility timeout, as SQS would have them.
        if (delivering) {
            thread.join(5000);
        }
    }
}
