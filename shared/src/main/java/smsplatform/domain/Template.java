package smsplatform.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The template aggregate (DESIGN §10) and its state machine: IN_REVIEW (AUTOMATIC → MANUAL) →
 * APPROVED | REJECTED, and back to IN_REVIEW at the AUTOMATIC stage when the applicant modifies it
 * (unless approved). Every transition appends to the bounded history; {@code version} is the
 * optimistic-lock counter the store checks on every write.
 */
public final class Template implements Reviewable {

    private final AccountId accountId;
    private final TemplateId templateId;
    private final Instant createdAt;
    private TemplateApplication application;
    private TemplateStatus status;
    private ReviewStage reviewStage;
    private List<Finding> findings;
    private Rejection rejection;
    private final ReviewTrail trail;
    private Instant updatedAt;
    private long version;

    public Template(AccountId accountId, TemplateId templateId, Instant createdAt, TemplateApplication application,
                    TemplateStatus status, ReviewStage reviewStage, List<Finding> findings, Rejection rejection,
                    List<HistoryEntry> history, int historyOmitted, List<ReviewResult> outbox, Instant updatedAt,
                    long version) {
        this.accountId = accountId;
        this.templateId = templateId;
        this.createdAt = createdAt;
        this.application = application;
        this.status = status;
        this.reviewStage = reviewStage;
        this.findings = List.copyOf(findings);
        this.rejection = rejection;
        this.trail = new ReviewTrail(history, historyOmitted, outbox);
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new template goes straight to the automatic review. */
    public static Template apply(AccountId accountId, TemplateId templateId, TemplateApplication application, Instant now) {
        Template t = new Template(accountId, templateId, now, application, null, null, List.of(), null,
                List.of(), 0, List.of(), now, 0);
        t.transition(TemplateStatus.IN_REVIEW, ReviewStage.AUTOMATIC, Signature.APPLICANT, List.of(), null, now);
        return t;
    }

    /** PUT /v1/templates/{id}: allowed unless approved; the template is reviewed again from the start. */
    public void modify(TemplateApplication changed, Instant now) {
        if (status == TemplateStatus.APPROVED) {
            throw Failure.conflict("FailedOperation.TemplateAlreadyPassedCheck",
                    "Approved templates cannot be modified; apply for a new template instead");
        }
        if (changed.international() != application.international()) {
            throw Failure.invalid("InvalidParameterValue.InternationalImmutable",
                    "'international' cannot change; apply for a new template instead", "international");
        }
        application = changed;
        findings = List.of();
        rejection = null;
        transition(TemplateStatus.IN_REVIEW, ReviewStage.AUTOMATIC, Signature.APPLICANT, List.of(), null, now);
    }

    @Override
    public void completeAutomaticReview(List<Finding> newFindings, List<ReasonCode> blockingReasons, Instant now) {
        findings = List.copyOf(newFindings);
        if (blockingReasons.isEmpty()) {
            reviewStage = ReviewStage.MANUAL;
            updatedAt = now;
            trail.record(new HistoryEntry(now, status, status, Signature.AUTOMATIC_REVIEW, null,
                    "passed to manual review"));
        } else {
            rejection = new Rejection(blockingReasons, null, now);
            transition(TemplateStatus.REJECTED, null, Signature.AUTOMATIC_REVIEW, blockingReasons, null, now);
        }
    }

    @Override
    public void approve(String reviewer, ReviewDecision.Key decision, Instant now) {
        transition(TemplateStatus.APPROVED, null, reviewer, List.of(), decision, now);
    }

    @Override
    public void reject(String reviewer, ReviewDecision.Key decision, List<ReasonCode> reasons, String comment,
                       Instant now) {
        rejection = new Rejection(reasons, comment, now);
        transition(TemplateStatus.REJECTED, null, reviewer, reasons, decision, now);
    }

    @Override
    public void recordDiscardedDecision(String reviewer, ReviewDecision.Key decision, Instant now) {
        String note = decision.note() + " discarded: the template is now at version " + version + " in status " + status;
        trail.record(new HistoryEntry(now, status, status, reviewer, null, note).deciding(decision).asDiscarded());
        updatedAt = now;
    }

    private void transition(TemplateStatus to, ReviewStage stage, String actor, List<ReasonCode> reasons,
                            ReviewDecision.Key decision, Instant now) {
        HistoryEntry entry = new HistoryEntry(now, status, to, actor, reasons, decision == null ? null : decision.note())
                .deciding(decision);
        trail.transition(entry, accountId, templateId, application.name(), outcomeOf(to));
        status = to;
        reviewStage = stage;
        updatedAt = now;
    }

    private static ReviewResult.Outcome outcomeOf(TemplateStatus status) {
        return switch (status) {
            case APPROVED -> ReviewResult.Outcome.APPROVED;
            case REJECTED -> ReviewResult.Outcome.REJECTED;
            case IN_REVIEW -> null;
        };
    }

    @Override
    public boolean awaitsAutomaticReview() {
        return status == TemplateStatus.IN_REVIEW && reviewStage == ReviewStage.AUTOMATIC;
    }

    @Override
    public boolean awaitsReviewer() {
        return status == TemplateStatus.IN_REVIEW && reviewStage == ReviewStage.MANUAL;
    }

    /** What SendSms may render from, while the template is approved. */
    public Optional<ApprovedTemplate> approved() {
        return status != TemplateStatus.APPROVED ? Optional.empty() : Optional.of(new ApprovedTemplate(templateId,
                application.international(), application.type(), application.content(), application.variables()));
    }

    @Override public ApplicationKind kind() { return ApplicationKind.TEMPLATE; }
    @Override public TemplateId id() { return templateId; }
    @Override public AccountId accountId() { return accountId; }
    @Override public String name() { return application.name(); }
    @Override public long version() { return version; }
    @Override public Instant createdAt() { return createdAt; }
    @Override public ReviewResult.Outcome outcome() { return outcomeOf(status); }
    @Override public List<Finding> findings() { return findings; }
    @Override public List<HistoryEntry> history() { return trail.history(); }
    @Override public List<ReviewResult> outbox() { return trail.outbox(); }
    @Override public void published(List<ReviewResult> results) { trail.published(results); }
    public TemplateId templateId() { return templateId; }
    public TemplateApplication application() { return application; }
    public TemplateStatus status() { return status; }
    public ReviewStage reviewStage() { return reviewStage; }
    public Rejection rejection() { return rejection; }
    public int historyOmitted() { return trail.omitted(); }
    public Instant updatedAt() { return updatedAt; }

    /** Set by the store once a write with the previous version succeeded. */
    public void markStored(long newVersion) {
        this.version = newVersion;
    }
}
