package smsplatform.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import smsplatform.domain.CallbackEvent;
import smsplatform.json.CallbackJson;
import smsplatform.json.Json;
import smsplatform.ports.CallbackEvents;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Events onto the callback queue, ten to a SendMessageBatch. The body is
 * {@code {"eventId","type","accountId","occurredAt","data"}}; the dispatcher reads it back.
 */
public final class SqsCallbackEvents implements CallbackEvents {

    /** SendMessageBatch's maximum. */
    private static final int BATCH = 10;

    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsCallbackEvents(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(List<CallbackEvent> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<CallbackEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(body(batch.get(i)))).build());
            }
            SendMessageBatchResponse response = sqs.get().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " callback events were not queued: "
                        + response.failed().get(0).message());
            }
        }
    }

    public static Map<String, Object> body(CallbackEvent event) {
        return CallbackJson.event(event);
    }
}
