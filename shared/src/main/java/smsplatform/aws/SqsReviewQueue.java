package smsplatform.aws;

import smsplatform.json.ReviewMessageJson;
import smsplatform.ports.ReviewQueue;
import smsplatform.service.ReviewMessage;
import software.amazon.awssdk.services.sqs.SqsClient;

public final class SqsReviewQueue implements ReviewQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReviewQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(ReviewMessage message) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(ReviewMessageJson.write(message)));
    }
}
