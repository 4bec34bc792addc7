package smsplatform.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import smsplatform.json.Json;
import smsplatform.log.Log;
import smsplatform.ports.OutboundQueue;
import smsplatform.support.Lazy;
import smsplatform.support.Parallel;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Sends deliveries in batches of ten (SQS's maximum), retrying entries SQS did not accept. */
public final class SqsOutboundQueue implements OutboundQueue {

    private static final int BATCH = 10;
    private static final int ATTEMPTS = 3;

    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsOutboundQueue(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    /** The client from a supplier, e.g. {@link Lazy}: built when first needed. */
    public SqsOutboundQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<Delivery> deliveries) {
        List<SendMessageBatchRequestEntry> entries = deliveries.stream()
                .map(d -> SendMessageBatchRequestEntry.builder().id(d.serialNo().value())
                        .messageBody(body(d))
                        .build())
                .toList();
        Parallel.inBatches(entries, BATCH, this::sendBatch);
    }

    /** The delivery, and the request that queued it (its log lines in the consumer carry that id). */
    private static String body(Delivery d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", d.accountId().value());
        body.put("serialNo", d.serialNo().value());
        String requestId = Log.requestId();
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return Json.write(body);
    }

    private Void sendBatch(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> batch = pending;
            SendMessageBatchResponse response = sqs.get().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch));
            List<String> failed = response.failed().stream().map(f -> f.id()).toList();
            pending = batch.stream().filter(e -> failed.contains(e.id())).toList();
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " deliveries could not be queued");
        }
        return null;
    }
}
