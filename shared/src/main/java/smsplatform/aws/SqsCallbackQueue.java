package smsplatform.aws;

import java.util.function.Supplier;
import smsplatform.domain.callbacks.QueuedCallback;
import smsplatform.json.CallbackJson;
import smsplatform.ports.CallbackQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The callback queue, for the dispatcher's next attempts: {@code DelaySeconds} (0 to 900, "SendMessage",
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html) holds
 * the message back until its attempt is due, or for 900 s at most when it is due later.
 */
public final class SqsCallbackQueue implements CallbackQueue {

    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsCallbackQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(QueuedCallback callback, int delaySeconds) {
        sqs.get().sendMessage(b -> b.queueUrl(queueUrl).messageBody(CallbackJson.queued(callback))
                .delaySeconds(delaySeconds));
    }
}
