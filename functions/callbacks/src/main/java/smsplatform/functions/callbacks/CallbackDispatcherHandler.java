package smsplatform.functions.callbacks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoCallbackStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.Lazy;
import smsplatform.aws.SqsCallbackEvents;
import smsplatform.aws.SqsCallbackQueue;
import smsplatform.domain.callbacks.CallbackRetry;
import smsplatform.domain.callbacks.CallbackUrlPolicy;
import smsplatform.json.CallbackJson;
import smsplatform.json.Json;
import smsplatform.log.Log;
import smsplatform.ports.CallbackEvents;
import smsplatform.queue.QueueBatch;
import smsplatform.service.CallbackDispatcher;
import smsplatform.webhook.PinnedHttpWebhooks;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The webhook dispatcher, on two queues. The callback queue: one delivery attempt per message (see
 * {@link CallbackDispatcher}). The FIFO review results queue: each result becomes a REVIEW_RESULT event,
 * put on the callback queue to be delivered like any other.
 */
public final class CallbackDispatcherHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final CallbackDispatcher dispatcher;
    private final CallbackEvents events;

    public CallbackDispatcherHandler() {
        this(FunctionEnvironment.fromSystem(), Lazy.of(AwsClients::sqs));
    }

    private CallbackDispatcherHandler(FunctionEnvironment env, Lazy<SqsClient> sqs) {
        this(new CallbackDispatcher(new DynamoCallbackStore(AwsClients.dynamoDb(), env.tableName()),
                        PinnedHttpWebhooks.standard(new CallbackUrlPolicy(env.callbackAllowLoopback())),
                        new SqsCallbackQueue(sqs, env.callbackQueueUrl()), new CallbackRetry(env.callbackRetryWindow()),
                        Clock.systemUTC()),
                new SqsCallbackEvents(sqs, env.callbackQueueUrl()));
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
