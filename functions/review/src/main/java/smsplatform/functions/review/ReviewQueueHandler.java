package smsplatform.functions.review;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import smsplatform.json.ReviewMessageJson;
import smsplatform.queue.QueueBatch;
import smsplatform.service.ReviewProcessor;

/** The review-queue consumer: automatic reviews and reviewer decisions, the single writer of outcomes. */
public final class ReviewQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ReviewProcessor reviews;

    public ReviewQueueHandler() {
        this(ReviewWiring.processor());
    }

    public ReviewQueueHandler(ReviewProcessor reviews) {
        this.reviews = reviews;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process("review-queue", event, context,
                message -> reviews.process(ReviewMessageJson.read(message.getBody())));
    }
}
