package smsplatform.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.AutomaticReview;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.HistoryEntry;
import smsplatform.domain.Page;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewResult;
import smsplatform.domain.Reviewable;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateReview;
import smsplatform.log.Log;
import smsplatform.log.Metrics;
import smsplatform.ports.AwaitingReview;
import smsplatform.ports.CertificateStore;
import smsplatform.ports.ReviewQueue;
import smsplatform.ports.ReviewResults;
import smsplatform.ports.SignatureStore;
import smsplatform.ports.TemplateStore;

/**
 * The review pipeline, for signatures and templates alike. Reviewer routes only validate and enqueue;
 * {@link #process} (the review-queue consumer) is the single writer of review outcomes, through
 * conditional writes on the version.
 */
public final class ReviewService {

    /** {@code documentUrls}: the documents of a signature, for the reviewer's eyes; empty for a template. */
    public record PendingReview(Reviewable application, Map<String, String> documentUrls) {}

    public enum Decision { APPROVE, REJECT }

    static final Duration DOCUMENT_URL_VALIDITY = Duration.ofMinutes(10);
    private static final int MAX_ATTEMPTS = 8;

    private final SignatureStore signatures;
    private final TemplateStore templates;
    private final AwaitingReview awaiting;
    private final CertificateStore certificates;
    private final ReviewQueue reviewQueue;
    private final ReviewResults results;
    private final Clock clock;

    public ReviewService(SignatureStore signatures, TemplateStore templates, AwaitingReview awaiting,
                         CertificateStore certificates, ReviewQueue reviewQueue, ReviewResults results, Clock clock) {
        this.signatures = signatures;
        this.templates = templates;
        this.awaiting = awaiting;
        this.certificates = certificates;
        this.reviewQueue = reviewQueue;
        this.results = results;
        this.clock = clock;
    }

    /**
     * One page of the queue ({@code kind} null: both kinds); {@code nextToken} only as this listing
     * handed it to the reviewer's account.
     */
    public Page<PendingReview> awaitingReviewer(Caller reviewer, ApplicationKind kind, int limit, String nextToken) {
        String listing = kind == null ? PageTokens.REVIEWS : PageTokens.REVIEWS + ":" + kind.name();
        Page<Reviewable> page = awaiting.list(kind, limit, PageTokens.open(listing, reviewer.accountId(), nextToken));
        return page.map(this::pending, position -> PageTokens.bind(listing, reviewer.accountId(), position));
    }

    private PendingReview pending(Reviewable application) {
        Map<String, String> urls = new LinkedHashMap<>();
        if (application instanceof Signature signature) {
            for (SignatureDocument d : signature.documents().values()) {
                if (d.objectKey() != null) { // an invalid document: nothing was kept to look at
                    urls.put(d.kind().name(), certificates.presignDownload(d.objectKey(), DOCUMENT_URL_VALIDITY).url());
                }
            }
        }
        return new PendingReview(application, urls);
    }

    /**
     * Validates a reviewer's decision and enqueues it; it is applied asynchronously. Segregation of
     * duties: a reviewer never decides on an application of their own account (403, nothing enqueued).
     */
    public ApplicationKind submitDecision(Caller reviewer, String id, Decision decision, List<ReasonCode> reasons,
                                          String comment, long version) {
        if (decision == Decision.REJECT && reasons.isEmpty()) {
            throw Failure.invalid("InvalidParameterValue.ReasonsRequired", "REJECT needs at least one reason code", "reasons");
        }
        if (reasons.contains(ReasonCode.OTHER) && (comment == null || comment.isBlank())) {
            throw Failure.invalid("InvalidParameterValue.CommentRequired", "Reason OTHER needs a comment", "comment");
        }
        Reviewable application = signatures.findById(id).<Reviewable>map(s -> s)
                .or(() -> templates.findById(id))
                .orElseThrow(() -> Failure.notFound("Application " + id));
        if (application.accountId().equals(reviewer.accountId())) {
            Log.warn("review.decision.refused", "reason", "self-review");
            throw new Failure(Failure.Category.FORBIDDEN, "AuthFailure.SelfReview",
                    "A reviewer cannot decide on an application of their own account", null);
        }
        for (ReasonCode reason : reasons) {
            if (!application.rejectableFor(reason)) {
                throw Failure.invalidField("reasons", reason + " is not a reason to reject a "
                        + application.kind().name().toLowerCase(Locale.ROOT));
            }
        }
        reviewQueue.send(ReviewMessage.decision(application.kind(), application.accountId(), id, version,
                decision.name(), reasons.stream().distinct().map(Enum::name).toList(), comment, reviewer.subject()));
        return application.kind();
    }

    /** Applies one review-queue message; safe to call again with the same message. */
    public void process(ReviewMessage message) {
        String idField = message.application() == ApplicationKind.TEMPLATE ? "templateId" : "signatureId";
        Log.context(idField, message.applicationId(), "accountId", message.accountId());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<? extends Reviewable> found = find(message.application(), message.accountId(), message.applicationId());
            if (found.isEmpty()) {
                Log.warn("review.ignored", "reason", message.application().name().toLowerCase(Locale.ROOT)
                        + " does not exist");
                return;
            }
            Reviewable application = found.get();
            Log.context("accountId", application.accountId());
            ReviewResult.Outcome before = application.outcome();
            Instant inStatusSince = lastStatusChange(application);
            boolean changed = message.kind() == ReviewMessage.Kind.AUTOMATIC_REVIEW
                    ? runAutomaticReview(application, message)
                    : applyDecision(application, message);
            if (!changed || save(application)) {
                if (changed && application.outcome() != null && application.outcome() != before) {
                    outcomeMetrics(application, inStatusSince);
                }
                publishOutbox(application);
                return;
            }
        }
        throw new IllegalStateException("the application kept changing; the message will be retried");
    }

    private Optional<? extends Reviewable> find(ApplicationKind kind, String accountId, String id) {
        if (kind == ApplicationKind.TEMPLATE) {
            return accountId == null ? templates.findById(id) : templates.find(accountId, id);
        }
        return accountId == null ? signatures.findById(id) : signatures.find(accountId, id);
    }

    private boolean save(Reviewable application) {
        return application instanceof Signature s ? signatures.save(s) : templates.save((Template) application);
    }

    /** Approved or rejected, and how long the review took from the application's last status change. */
    private void outcomeMetrics(Reviewable application, Instant since) {
        boolean approved = application.outcome() == ReviewResult.Outcome.APPROVED;
        boolean signature = application.kind() == ApplicationKind.SIGNATURE;
        Metrics.count(signature ? (approved ? Metrics.SIGNATURES_APPROVED : Metrics.SIGNATURES_REJECTED)
                : (approved ? Metrics.TEMPLATES_APPROVED : Metrics.TEMPLATES_REJECTED), 1);
        Metrics.milliseconds(Metrics.REVIEW_LATENCY, clock.millis() - since.toEpochMilli());
    }

    /** When the application entered its current status (its creation when the history kept no change). */
    private static Instant lastStatusChange(Reviewable application) {
        List<HistoryEntry> history = application.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry h = history.get(i);
            if (!h.discarded() && (h.from() == null || !h.from().equals(h.to()))) {
                return h.at();
            }
        }
        return application.createdAt();
    }

    /**
     * Publishes the results stored with the application, then forgets them. A crash in between leaves
     * them stored: the redelivered message publishes them again, and the queue's deduplication id
     * keeps the delivery to one.
     */
    private void publishOutbox(Reviewable application) {
        Reviewable current = application;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !current.outbox().isEmpty(); attempt++) {
            List<ReviewResult> pending = current.outbox();
            pending.forEach(results::publish);
            current.published(pending);
            if (save(current)) {
                Log.info("review.results.published", "count", pending.size());
                return;
            }
            current = find(current.kind(), current.accountId(), current.id()).orElse(null);
            if (current == null) {
                return;
            }
        }
    }

    private boolean runAutomaticReview(Reviewable application, ReviewMessage message) {
        if (!application.awaitsAutomaticReview() || application.version() != message.version()) {
            Log.info("review.automatic.skipped", "outcome", String.valueOf(application.outcome()),
                    "version", application.version());
            return false;
        }
        AutomaticReview.Outcome outcome = application instanceof Signature s
                ? AutomaticReview.evaluate(s)
                : TemplateReview.evaluate(((Template) application).application());
        application.completeAutomaticReview(outcome.findings(), outcome.blockingReasons(), clock.instant());
        Log.info("review.automatic.done", "outcome", String.valueOf(application.outcome()),
                "findings", outcome.findings().size());
        return true;
    }

    private boolean applyDecision(Reviewable application, ReviewMessage message) {
        String note = "decision " + message.decision() + " for version " + message.version();
        boolean alreadyHandled = application.history().stream().anyMatch(h ->
                message.reviewer().equals(h.actor()) && h.note() != null && h.note().startsWith(note));
        if (alreadyHandled) {
            return false;
        }
        if (!application.awaitsReviewer() || application.version() != message.version()) {
            application.recordDiscardedDecision(message.reviewer(),
                    note + " discarded: the " + message.application().name().toLowerCase(Locale.ROOT)
                            + " is now at version " + application.version() + " in status " + statusOf(application),
                    clock.instant());
            Log.info("review.decision.discarded", "version", message.version());
            return true;
        }
        List<ReasonCode> reasons = message.reasons().stream().map(ReasonCode::valueOf).toList();
        if (Decision.valueOf(message.decision()) == Decision.APPROVE) {
            application.approve(message.reviewer(), note, clock.instant());
        } else {
            application.reject(message.reviewer(), reasons, message.comment(), note, clock.instant());
        }
        Log.info("review.decision.applied", "decision", message.decision());
        return true;
    }

    private static String statusOf(Reviewable application) {
        return application instanceof Signature s ? s.status().name() : ((Template) application).status().name();
    }
}
