package smsplatform.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import smsplatform.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * S3 bucket notifications delivered as Lambda delivers them: an asynchronous invocation per event,
 * retried up to the function's MaximumRetryAttempts, then sent to its on-failure destination.
 * Pending invocations wait in an internal, persisted queue (Lambda's own async queue), so an
 * upload's event survives a restart of the local stack.
 */
final class S3EventSource implements AutoCloseable {

    static final String INTERNAL_QUEUE = "sms-local-async-invocations";
    private static final int RETRY_DELAY_SECONDS = 2;

    private final StackPlan plan;
    private final FunctionPool functions;
    private final SqsClient sqs;
    private final Function<String, String> queueUrl;
    private final String internalQueueUrl;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean delivering;

    S3EventSource(StackPlan plan, FunctionPool functions, SqsClient sqs,
                  Function<String, String> queueUrl) {
        this.plan = plan;
        this.functions = functions;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.internalQueueUrl = sqs.createQueue(b -> b.queueName(INTERNAL_QUEUE)
                .attributesWithStrings(Map.of("VisibilityTimeout", "60"))).queueUrl();
        this.thread = new Thread(this::run, "s3-notifications");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Called by the S3 emulator for every created object. */
    void objectCreated(S3Emulator.ObjectCreated created) {
        for (LocalFunction f : plan.functions) {
            for (LocalFunction.S3Trigger trigger : f.s3Triggers()) {
                if (trigger.matches(created.bucket(), created.eventName(), created.key())) {
                    Map<String, Object> invocation = new LinkedHashMap<>();
                    invocation.put("function", f.logicalId());
                    invocation.put("event", Map.of("Records", List.of(record(created))));
                    sqs.sendMessage(b -> b.queueUrl(internalQueueUrl).messageBody(Json.write(invocation)));
                }
            }
        }
    }

    /** One S3 event record, as S3 sends it (the key URL-encoded, spaces as '+'). */
    static Map<String, Object> record(S3Emulator.ObjectCreated created) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", URLEncoder.encode(created.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", created.size());
        object.put("eTag", created.eTag());
        object.put("sequencer", created.sequencer());
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("name", created.bucket());
        bucket.put("ownerIdentity", Map.of("principalId", "sms-local"));
        bucket.put("arn", "arn:aws:s3:::" + created.bucket());
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "sms-local");
        s3.put("bucket", bucket);
        s3.put("object", object);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("eventVersion", "2.1");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", StackPlan.REGION);
        r.put("eventTime", Instant.now().toString());
        r.put("eventName", created.eventName());
        r.put("userIdentity", Map.of("principalId", "sms-local"));
        r.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        r.put("responseElements", Map.of("x-amz-request-id", UUID.randomUUID().toString(), "x-amz-id-2", "sms-local"));
        r.put("s3", s3);
        return r;
    }

    private void run() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(internalQueueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(QueueEventSource.LONG_POLL_SECONDS).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .messages();
                if (running) {
                    delivering = true;
                    try {
                        messages.parallelStream().forEach(this::invoke);
                    } finally {
                        delivering = false;
                    }
                }
            } catch (Exception e) {
                if (running) {
                    System.err.println("sms-local: S3 notifications: " + e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private void invoke(Message message) {
        Map<String, Object> invocation = Json.parseObject(message.body());
        LocalFunction function = plan.function(String.valueOf(invocation.get("function")));
        boolean ok;
        try {
            ok = !functions.invoke(function.logicalId(), Json.write(invocation.get("event"))).functionError();
        } catch (Exception e) {
            ok = false;
        }
        int receives = Integer.parseInt(message.attributes().getOrDefault(
                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        if (!ok && receives <= function.maximumRetryAttempts()) {
            sqs.changeMessageVisibility(b -> b.queueUrl(internalQueueUrl).receiptHandle(message.receiptHandle())
                    .visibilityTimeout(RETRY_DELAY_SECONDS * receives));
            return;
        }
        if (!ok && function.onFailureQueue() != null) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("requestContext", Map.of("condition", "RetriesExhausted", "approximateInvokeCount", receives,
                    "functionArn", "arn:aws:lambda:" + StackPlan.REGION + ":" + SqsEmulator.ACCOUNT + ":function:"
                            + function.logicalId()));
            failure.put("requestPayload", invocation.get("event"));
            sqs.sendMessage(b -> b.queueUrl(queueUrl.apply(function.onFailureQueue())).messageBody(Json.write(failure)));
        }
        sqs.deleteMessage(b -> b.queueUrl(internalQueueUrl).receiptHandle(message.receiptHandle()));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (delivering) { // as QueueEventSource: an invocation under way is finished, a poll is not waited for
            thread.join(5000);
        }
    }
}
