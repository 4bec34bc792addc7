package smsplatform.ports;

import java.util.List;
import smsplatform.domain.AccountId;
import smsplatform.domain.ApplicationId;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewDecision;

/**
 * A message on the review queue: either "run the automatic review of this application version" or a
 * reviewer's decision, about a signature or a template. The review consumer is the single writer of
 * review outcomes. {@code accountId} may be null in a decision about a signature (found by id).
 */
public record ReviewMessage(
        Kind kind,
        AccountId accountId,
        ApplicationId applicationId,
        long version,
        ReviewDecision decision,
        List<ReasonCode> reasons,
        String comment,
        String reviewer) {

    public enum Kind { AUTOMATIC_REVIEW, DECISION }

    public ReviewMessage {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public ApplicationKind application() {
        return applicationId.kind();
    }

    /** The key of the history entry that applying this decision writes. */
    public ReviewDecision.Key decisionKey() {
        return new ReviewDecision.Key(decision, version);
    }

    public static ReviewMessage automaticReview(AccountId accountId, ApplicationId id, long version) {
        return new ReviewMessage(Kind.AUTOMATIC_REVIEW, accountId, id, version, null, List.of(), null, null);
    }

    public static ReviewMessage decision(AccountId accountId, ApplicationId id, long version,
                                         ReviewDecision decision, List<ReasonCode> reasons, String comment,
                                         String reviewer) {
        return new ReviewMessage(Kind.DECISION, accountId, id, version, decision, reasons, comment, reviewer);
    }
}
