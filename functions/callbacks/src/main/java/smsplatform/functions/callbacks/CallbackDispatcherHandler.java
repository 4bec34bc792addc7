package smsplatform.functions.callbacks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.json.CallbackJson;
import smsplatform.json.Json;
import smsplatform.log.Log;
import smsplatform.ports.CallbackEvents;
import smsplatform.queue.QueueBatch;
import smsplatform.service.CallbackDispatcher;

/**
 * The webhook dispatcher, on two queues. The callback queue: one delivery attempt per message (see
 * {@link CallbackDispatcher}). The FIFO review results queue: each result becomes a REVIEW_RESULT event,
 * put on the callback queue to be delivered like any other.
 */
public final class CallbackDispatcherHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final CallbackDispatcher dispatcher;
    private final CallbackEvents events;

    public CallbackDispatcherHandler() {
        this(CallbackWiring.from(FunctionEnvironment.fromSystem()));
    }

    private CallbackDispatcherHandler(CallbackWiring wiring) {
        this(wiring.dispatcher(), wiring.events());
    }

    public CallbackDispatcherHandler(CallbackDispatcher dispatcher, CallbackEvents events) {
        this.dispatcher = dispatcher;
        this.events = events;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process("callback-dispatcher", event, context, message -> {
            if (message.getEventSourceArn() != null && message.getEventSourceArn().endsWith(".fifo")) {
                reviewResult(message);
            } else {
                dispatcher.dispatch(CallbackJson.readQueued(message.getBody()));
            }
        });
    }

    private void reviewResult(SQSEvent.SQSMessage message) {
        Map<String, Object> result = Json.parseObject(message.getBody());
        String deduplicationId = result.get("deduplicationId") instanceof String id ? id
                : message.getAttributes().get("MessageDeduplicationId");
        if (deduplicationId == null) {
            throw new IllegalArgumentException("a review result without a deduplication id");
        }
        Log.info("review-result.received", "messageId", message.getMessageId(), "result", message.getBody());
        events.publish(List.of(CallbackJson.reviewResult(result, deduplicationId)));
    }
}
