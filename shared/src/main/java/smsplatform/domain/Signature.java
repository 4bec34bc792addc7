package smsplatform.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signature aggregate and its state machine:
 * AWAITING_DOCUMENTS → IN_REVIEW (AUTOMATIC → MANUAL) → APPROVED | REJECTED, and back to
 * AWAITING_DOCUMENTS when the applicant modifies it. Every transition appends to the history.
 * {@code version} is the optimistic-lock counter the store checks on every write.
 */
public final class Signature implements Reviewable {

    public static final String APPLICANT = "applicant";
    public static final String CERTIFICATE_CHECK = "certificate-check";
    public static final String AUTOMATIC_REVIEW = "automatic-review";
    /** The bounds of the history and outbox kept on the item (see {@link ReviewTrail}). */
    public static final int MAX_HISTORY = ReviewTrail.MAX_HISTORY;
    public static final int MAX_DISCARDED = ReviewTrail.MAX_DISCARDED;
    public static final int MAX_OUTBOX = ReviewTrail.MAX_OUTBOX;

    private final AccountId accountId;
    private final AccountType accountType;
    private final SignatureId signatureId;
    private final Instant createdAt;
    private SignatureApplication application;
    private SignatureStatus status;
    private ReviewStage reviewStage;
    private final Map<DocumentKind, SignatureDocument> documents = new EnumMap<>(DocumentKind.class);
    private List<Finding> findings = List.of();
    private Rejection rejection;
    private final ReviewTrail trail;
    private Instant updatedAt;
    private long version;

    public Signature(AccountId accountId, AccountType accountType, SignatureId signatureId, Instant createdAt,
                     SignatureApplication application, SignatureStatus status, ReviewStage reviewStage,
                     Map<DocumentKind, SignatureDocument> documents, List<Finding> findings, Rejection rejection,
                     List<HistoryEntry> history, int historyOmitted, List<ReviewResult> outbox, Instant updatedAt,
                     long version) {
        this.accountId = accountId;
        this.accountType = accountType;
        this.signatureId = signatureId;
        this.createdAt = createdAt;
        this.application = application;
        this.status = status;
        this.reviewStage = reviewStage;
        this.documents.putAll(documents);
        this.findings = List.copyOf(findings);
        this.rejection = rejection;
        this.trail = new ReviewTrail(history, historyOmitted, outbox);
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new application; it needs documents unless its requirements are empty (international). */
    public static Signature apply(AccountId accountId, AccountType accountType, SignatureId signatureId,
                                  SignatureApplication application, Instant now) {
        Signature s = new Signature(accountId, accountType, signatureId, now, application,
                SignatureStatus.AWAITING_DOCUMENTS, null, Map.of(), List.of(), null, List.of(), 0, List.of(), now, 0);
        s.record(new HistoryEntry(now, null, SignatureStatus.AWAITING_DOCUMENTS, APPLICANT, null, null));
        s.startReviewIfComplete(APPLICANT, now);
        return s;
    }

    public List<DocumentGroup> requiredDocuments() {
        return DocumentRequirements.requiredFor(accountType, application.purpose(), application.type(),
                application.international()).orElse(List.of());
    }

    public boolean accepts(DocumentKind kind) {
        return DocumentRequirements.acceptedKinds(requiredDocuments()).contains(kind);
    }

    /**
     * Records a checked upload. Returns false (nothing changes) when the signature no longer waits for
     * documents, does not take that kind, or already holds a newer upload of it.
     */
    public boolean recordDocument(SignatureDocument document, Instant now) {
        if (status != SignatureStatus.AWAITING_DOCUMENTS || !accepts(document.kind())) {
            return false;
        }
        SignatureDocument current = documents.get(document.kind());
        if (current != null && !isNewer(document, current)) {
            return false;
        }
        documents.put(document.kind(), document);
        updatedAt = now;
        startReviewIfComplete(CERTIFICATE_CHECK, now);
        return true;
    }

    /** S3 sequencers are hex strings that compare by length, then lexically. */
    private static boolean isNewer(SignatureDocument candidate, SignatureDocument current) {
        String a = candidate.sequencer() == null ? "" : candidate.sequencer();
        String b = current.sequencer() == null ? "" : current.sequencer();
        return a.length() != b.length() ? a.length() > b.length() : a.compareTo(b) > 0;
    }

    /** {@code actor}: whoever completed the set (the check's last upload, or the applicant's kept documents). */
    private void startReviewIfComplete(String actor, Instant now) {
        if (status == SignatureStatus.AWAITING_DOCUMENTS && requiredDocumentsComplete()) {
            transition(SignatureStatus.IN_REVIEW, ReviewStage.AUTOMATIC, actor, List.of(), null, now);
        }
    }

    public boolean requiredDocumentsComplete() {
        Set<DocumentKind> valid = documents.values().stream()
                .filter(SignatureDocument::valid).map(SignatureDocument::kind)
                .collect(Collectors.toSet());
        return requiredDocuments().stream().allMatch(g -> g.isSatisfiedBy(valid));
    }

    public boolean awaitsDocuments() {
        return status == SignatureStatus.AWAITING_DOCUMENTS;
    }

    @Override
    public boolean awaitsAutomaticReview() {
        return status == SignatureStatus.IN_REVIEW && reviewStage == ReviewStage.AUTOMATIC;
    }

    @Override
    public boolean awaitsReviewer() {
        return status == SignatureStatus.IN_REVIEW && reviewStage == ReviewStage.MANUAL;
    }

    /** The automatic review's outcome: any BLOCKING finding rejects, else the reviewer takes over. */
    @Override
    public void completeAutomaticReview(List<Finding> newFindings, List<ReasonCode> blockingReasons, Instant now) {
        findings = List.copyOf(newFindings);
        if (blockingReasons.isEmpty()) {
            reviewStage = ReviewStage.MANUAL;
            updatedAt = now;
            record(new HistoryEntry(now, SignatureStatus.IN_REVIEW, SignatureStatus.IN_REVIEW,
                    AUTOMATIC_REVIEW, null, "passed to manual review"));
        } else {
            rejection = new Rejection(blockingReasons, null, now);
            transition(SignatureStatus.REJECTED, null, AUTOMATIC_REVIEW, blockingReasons, null, now);
        }
    }

    @Override
    public void approve(String reviewer, ReviewDecision.Key decision, Instant now) {
        transition(SignatureStatus.APPROVED, null, reviewer, List.of(), decision, now);
    }

    @Override
    public void reject(String reviewer, ReviewDecision.Key decision, List<ReasonCode> reasons, String comment,
                       Instant now) {
        rejection = new Rejection(reasons, comment, now);
        transition(SignatureStatus.REJECTED, null, reviewer, reasons, decision, now);
    }

    @Override
    public void recordDiscardedDecision(String reviewer, ReviewDecision.Key decision, Instant now) {
        String note = decision.note() + " discarded: the signature is now at version " + version + " in status " + status;
        record(new HistoryEntry(now, status, status, reviewer, null, note).deciding(decision).asDiscarded());
        updatedAt = now;
    }

    /** PUT /v1/signatures/{id}: allowed unless approved; documents still accepted are kept. */
    public void modify(SignatureApplication changed, Instant now) {
        if (status == SignatureStatus.APPROVED) {
            throw Failure.conflict("InvalidParameterValue.SignAlreadyPassedCheck",
                    "Approved signatures cannot be modified; apply for a new signature instead");
        }
        if (changed.international() != application.international()) {
            throw Failure.invalid("InvalidParameterValue.InternationalImmutable",
                    "'international' cannot change; apply for a new signature instead", "international");
        }
        application = changed;
        documents.keySet().removeIf(kind -> !accepts(kind));
        findings = List.of();
        rejection = null;
        transition(SignatureStatus.AWAITING_DOCUMENTS, null, APPLICANT, List.of(), null, now);
        startReviewIfComplete(APPLICANT, now);
    }

    private void transition(SignatureStatus to, ReviewStage stage, String actor, List<ReasonCode> reasons,
                            ReviewDecision.Key decision, Instant now) {
        HistoryEntry entry = new HistoryEntry(now, status, to, actor, reasons, decision == null ? null : decision.note())
                .deciding(decision);
        trail.transition(entry, accountId, signatureId, application.name(), outcomeOf(to));
        status = to;
        reviewStage = stage;
        updatedAt = now;
    }

    private void record(HistoryEntry entry) {
        trail.record(entry);
    }

    private static ReviewResult.Outcome outcomeOf(SignatureStatus status) {
        return switch (status) {
            case APPROVED -> ReviewResult.Outcome.APPROVED;
            case REJECTED -> ReviewResult.Outcome.REJECTED;
            default -> null;
        };
    }

    @Override public ApplicationKind kind() { return ApplicationKind.SIGNATURE; }
    @Override public SignatureId id() { return signatureId; }
    @Override public ReviewResult.Outcome outcome() { return outcomeOf(status); }
    @Override public AccountId accountId() { return accountId; }
    public AccountType accountType() { return accountType; }
    public SignatureId signatureId() { return signatureId; }
    @Override public Instant createdAt() { return createdAt; }
    public SignatureApplication application() { return application; }
    @Override public String name() { return application.name(); }
    public SignatureStatus status() { return status; }
    public ReviewStage reviewStage() { return reviewStage; }
    public Map<DocumentKind, SignatureDocument> documents() { return Map.copyOf(documents); }
    @Override public List<Finding> findings() { return findings; }
    public Rejection rejection() { return rejection; }
    @Override public List<HistoryEntry> history() { return trail.history(); }
    /** History entries no longer kept (see {@link #MAX_HISTORY}). */
    public int historyOmitted() { return trail.omitted(); }
    @Override public List<ReviewResult> outbox() { return trail.outbox(); }

    /** Forgets results once they are published. */
    @Override
    public void published(List<ReviewResult> results) {
        trail.published(results);
    }
    public Instant updatedAt() { return updatedAt; }
    @Override public long version() { return version; }

    /** Set by the store once a write with the previous version succeeded. */
    public void markStored(long newVersion) {
        this.version = newVersion;
    }
}
