package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/** What the review pipeline needs of an application, whatever its kind. */
public interface Reviewable {

    ApplicationKind kind();

    AccountId accountId();

    ApplicationId id();

    String name();

    long version();

    Instant createdAt();

    boolean awaitsAutomaticReview();

    boolean awaitsReviewer();

    /** Null while under review or waiting for documents. */
    ReviewResult.Outcome outcome();

    List<Finding> findings();

    List<HistoryEntry> history();

    List<ReviewResult> outbox();

    void published(List<ReviewResult> results);

    void completeAutomaticReview(List<Finding> findings, List<ReasonCode> blockingReasons, Instant now);

    void approve(String reviewer, ReviewDecision.Key decision, Instant now);

    void reject(String reviewer, ReviewDecision.Key decision, List<ReasonCode> reasons, String comment, Instant now);

    /** Records a reviewer decision that can no longer apply (stale version or not awaiting a reviewer). */
    void recordDiscardedDecision(String reviewer, ReviewDecision.Key decision, Instant now);

    /** Whether a reviewer may reject this kind of application for that reason. */
    default boolean rejectableFor(ReasonCode reason) {
        return kind() == ApplicationKind.SIGNATURE ? reason.appliesToSignatures() : reason.appliesToTemplates();
    }
}
