package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a review, to notify the applicant: emitted once per transition to APPROVED or
 * REJECTED. {@code transition} (the history index) tells two outcomes of one application apart.
 */
public record ReviewResult(AccountId accountId, ApplicationId applicationId, String name, Outcome outcome,
                           List<ReasonCode> reasons, Instant at, int transition) {

    public enum Outcome { APPROVED, REJECTED }

    public ReviewResult {
        reasons = List.copyOf(reasons);
    }

    public ApplicationKind kind() {
        return applicationId.kind();
    }

    public String deduplicationId() {
        return applicationId.value() + "#" + transition;
    }
}
