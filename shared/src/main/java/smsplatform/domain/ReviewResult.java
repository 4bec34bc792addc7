package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a review, to notify the applicant: emitted once per transition to APPROVED or
 * REJECTED. {@code transition} (the history index) tells two outcomes of one signature apart.
 */
public record ReviewResult(String accountId, String signatureId, String name, SignatureStatus status,
                           List<ReasonCode> reasons, Instant at, int transition) {

    public ReviewResult {
        reasons = List.copyOf(reasons);
    }

    public String deduplicationId() {
        return signatureId + "#" + transition;
    }
}
