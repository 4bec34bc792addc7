package smsplatform.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.ApplicationId;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.AutomaticReview;
import smsplatform.domain.HistoryEntry;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.ReviewResult;
import smsplatform.domain.Reviewable;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureId;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateReview;
import smsplatform.log.Log;
import smsplatform.log.Metrics;
import smsplatform.ports.ReviewMessage;
import smsplatform.ports.ReviewResults;
import smsplatform.ports.SignatureStore;
import smsplatform.ports.TemplateStore;

/**
 * The review-queue consumer: the single writer of review outcomes (automatic reviews and reviewer
 * decisions), through conditional writes on the version, and the publisher of the results.
 */
public final class ReviewProcessor {

    private static final int MAX_ATTEMPTS = 8;

    private final SignatureStore signatures;
    private final TemplateStore templates;
    private final ReviewResults results;
    private final Clock clock;

    public ReviewProcessor(SignatureStore signatures, TemplateStore templates, ReviewResults results, Clock clock) {
        this.signatures = signatures;
        this.templates = templates;
        this.results = results;
        this.clock = clock;
    }

    /** Applies one review-queue message; safe to call again with the same message. */
    public void process(ReviewMessage message) {
        String idField = message.application() == ApplicationKind.TEMPLATE ? "templateId" : "signatureId";
        Log.context(idField, message.applicationId().value(), "accountId", message.accountId());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<? extends Reviewable> found = find(message.accountId(), message.applicationId());
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

    private Optional<? extends Reviewable> find(AccountId accountId, ApplicationId id) {
        if (id instanceof TemplateId template) {
            return accountId == null ? templates.findById(template) : templates.find(accountId, template);
        }
        SignatureId signature = (SignatureId) id;
        return accountId == null ? signatures.findById(signature) : signatures.find(accountId, signature);
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
            current = find(current.accountId(), current.id()).orElse(null);
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
        ReviewDecision.Key key = message.decisionKey();
        boolean alreadyHandled = application.history().stream().anyMatch(h ->
                message.reviewer().equals(h.actor()) && key.equals(h.decision()));
        if (alreadyHandled) {
            return false;
        }
        if (!application.awaitsReviewer() || application.version() != message.version()) {
            application.recordDiscardedDecision(message.reviewer(), key, clock.instant());
            Log.info("review.decision.discarded", "version", message.version());
            return true;
        }
        if (message.decision() == ReviewDecision.APPROVE) {
            application.approve(message.reviewer(), key, clock.instant());
        } else {
            application.reject(message.reviewer(), key, message.reasons(), message.comment(), clock.instant());
        }
        Log.info("review.decision.applied", "decision", message.decision().name());
        return true;
    }
}
