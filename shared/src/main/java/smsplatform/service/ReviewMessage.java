package smsplatform.service;

import java.util.List;

/**
 * A message on the review queue: either "run the automatic review of this signature version" or a
 * reviewer's decision. The review consumer is the single writer of review outcomes.
 */
public record ReviewMessage(
        Kind kind,
        String accountId,
        String signatureId,
        long version,
        String decision,
        List<String> reasons,
        String comment,
        String reviewer) {

    public enum Kind { AUTOMATIC_REVIEW, DECISION }

    public ReviewMessage {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static ReviewMessage automaticReview(String accountId, String signatureId, long version) {
        return new ReviewMessage(Kind.AUTOMATIC_REVIEW, accountId, signatureId, version, null, List.of(), null, null);
    }

    public static ReviewMessage decision(String signatureId, long version, String decision, List<String> reasons,
                                         String comment, String reviewer) {
        return new ReviewMessage(Kind.DECISION, null, signatureId, version, decision, reasons, comment, reviewer);
    }
}
