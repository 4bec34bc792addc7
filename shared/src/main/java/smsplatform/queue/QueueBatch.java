package smsplatform.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import smsplatform.json.Json;
import smsplatform.log.Log;
import smsplatform.support.Parallel;

/**
 * An SQS batch processed message by message ({@code ReportBatchItemFailures}): a message that throws
 * is reported for redelivery (and reaches the DLQ after maxReceiveCount) while the rest succeed.
 * Each message's lines carry the {@code requestId} of the request that queued it (see {@link Log}).
 */
public final class QueueBatch {

    private QueueBatch() {}

    public static SQSBatchResponse process(String function, SQSEvent event, Context context,
                                           Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String invocation = context == null ? message.getMessageId() : context.getAwsRequestId();
            String carried = carriedRequestId(message.getBody());
            Log.begin(function, carried == null ? invocation : carried);
            Log.context("awsRequestId", invocation, "messageId", message.getMessageId());
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                Log.error("message.failed", e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } finally {
                // A pool thread (processConcurrently) is lent to other work next: none of it is this message's.
                Log.end();
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * As {@link #process}, the batch's messages handled at the same time (I/O-bound work: a batch of ten costs about
     * one message's round trips). Only for handlers whose outcome does not depend on the order of the messages.
     */
    public static SQSBatchResponse processConcurrently(String function, SQSEvent event, Context context,
                                                       Consumer<SQSEvent.SQSMessage> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = Parallel.map(event.getRecords(), message -> {
            SQSEvent single = new SQSEvent();
            single.setRecords(List.of(message));
            List<SQSBatchResponse.BatchItemFailure> failed = process(function, single, context, handler).getBatchItemFailures();
            return failed.isEmpty() ? null : failed.get(0);
        }).stream().filter(Objects::nonNull).toList();
        return new SQSBatchResponse(failures);
    }

    private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /**
     * The {@code requestId} field the platform's senders put in a JSON body (the request that queued the
     * work), or null: a body that is not JSON, or carries none or a malformed one, is logged with the
     * invocation's own id.
     */
    static String carriedRequestId(String body) {
        if (body == null || !body.startsWith("{")) {
            return null;
        }
        try {
            Object id = Json.parseObject(body).get("requestId");
            return id instanceof String s && REQUEST_ID.matcher(s).matches() ? s : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
