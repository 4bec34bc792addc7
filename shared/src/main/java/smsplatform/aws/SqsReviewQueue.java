package smsplatform.aws;

import java.util.function.Supplier;
import smsplatform.json.ReviewMessageJson;
import smsplatform.log.Log;
import smsplatform.ports.ReviewMessage;
import smsplatform.ports.ReviewQueue;
import smsplatform.support.Lazy;
import software.amazon.awssdk.services.sqs.SqsClient;

public final class SqsReviewQueue implements ReviewQueue {

    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsReviewQueue(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    /** The client from a supplier, e.g. {@link Lazy}: built when first needed. */
    public SqsReviewQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(ReviewMessage message) {
        sqs.get().sendMessage(b -> b.queueUrl(queueUrl).messageBody(ReviewMessageJson.write(message, Log.requestId())));
    }
}
