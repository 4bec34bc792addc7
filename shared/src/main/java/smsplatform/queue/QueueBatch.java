package smsplatform.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import smsplatform.log.Log;

/**
 * An SQS batch processed message by message ({@code ReportBatchItemFailures}): a message that throws
 * is reported for redelivery (and reaches the DLQ after maxReceiveCount) while the rest succeed.
 */
public final class QueueBatch {

    private QueueBatch() {}

    public static SQSBatchResponse process(String function, SQSEvent event, Context context,
                                           Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Log.begin(function, context == null ? message.getMessageId() : context.getAwsRequestId());
            Log.context("messageId", message.getMessageId());
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                Log.error("message.failed", e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
