package smsplatform.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.ReviewResult;
import smsplatform.json.Json;
import smsplatform.ports.ReviewResults;
import smsplatform.support.Lazy;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A FIFO queue: the deduplication id makes a republished result (after a crash) arrive once. */
public final class SqsReviewResults implements ReviewResults {

    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsReviewResults(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    /** The client from a supplier, e.g. {@link Lazy}: built when first needed. */
    public SqsReviewResults(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(ReviewResult r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", r.kind().name());
        body.put("accountId", r.accountId().value());
        body.put(r.kind() == ApplicationKind.SIGNATURE ? "signatureId" : "templateId", r.applicationId().value());
        body.put("name", r.name());
        body.put("status", r.outcome().name());
        body.put("reasons", r.reasons().stream().map(reason -> Map.of("code", reason.name(), "message", reason.message()))
                .toList());
        body.put("at", r.at().toString());
        body.put("deduplicationId", r.deduplicationId()); // the REVIEW_RESULT callback's event id derives from it
        sqs.get().sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(body))
                .messageGroupId(r.applicationId().value()).messageDeduplicationId(r.deduplicationId()));
    }
}
