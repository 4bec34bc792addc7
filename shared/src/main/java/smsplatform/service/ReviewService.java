package smsplatform.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.AutomaticReview;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignatureStatus;
import smsplatform.log.Log;
import smsplatform.log.Metrics;
import smsplatform.ports.CertificateStore;
import smsplatform.ports.ReviewQueue;
import smsplatform.ports.ReviewResults;
import smsplatform.ports.SignatureStore;

/**
 * The review pipeline. Reviewer routes only validate and enqueue; {@link #process} (the review-queue
 * consumer) is the single writer of review outcomes, through conditional writes on the version.
 */
public final class ReviewService {

    public record PendingReview(Signature signature, Map<String, String> documentUrls) {}

    public enum Decision { APPROVE, REJECT }

    static final Duration DOCUMENT_URL_VALIDITY = Duration.ofMinutes(10);
    private static final int MAX_ATTEMPTS = 8;

    private final SignatureStore store;
    private final CertificateStore certificates;
    private final ReviewQueue reviewQueue;
    private final ReviewResults results;
    private final Clock clock;

    public ReviewService(SignatureStore store, CertificateStore certificates, ReviewQueue reviewQueue,
                         ReviewResults results, Clock clock) {
        this.store = store;
        this.certificates = certificates;
        this.reviewQueue = reviewQueue;
        this.results = results;
        this.clock = clock;
    }

    /** One page of the queue; {@code nextToken} only as this listing handed it to the reviewer's account. */
    public Page<PendingReview> awaitingReviewer(Caller reviewer, int limit, String nextToken) {
        Page<Signature> page = store.awaitingReviewer(limit,
                PageTokens.open(PageTokens.REVIEWS, reviewer.accountId(), nextToken));
        return page.map(this::pending, position -> PageTokens.bind(PageTokens.REVIEWS, reviewer.accountId(), position));
    }

    private PendingReview pending(Signature signature) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (SignatureDocument d : signature.documents().values()) {
            if (d.objectKey() != null) { // an invalid document: nothing was kept to look at
                urls.put(d.kind().name(), certificates.presignDownload(d.objectKey(), DOCUMENT_URL_VALIDITY).url());
            }
        }
        return new PendingReview(signature, urls);
    }

    /**
     * Validates a reviewer's decision and enqueues it; it is applied asynchronously. Segregation of
     * duties: a reviewer never decides on an application of their own account (403, nothing enqueued).
     */
    public void submitDecision(Caller reviewer, String signatureId, Decision decision, List<ReasonCode> reasons,
                               String comment, long version) {
        if (decision == Decision.REJECT && reasons.isEmpty()) {
            throw Failure.invalid("InvalidParameterValue.ReasonsRequired", "REJECT needs at least one reason code", "reasons");
        }
        if (reasons.contains(ReasonCode.OTHER) && (comment == null || comment.isBlank())) {
            throw Failure.invalid("InvalidParameterValue.CommentRequired", "Reason OTHER needs a comment", "comment");
        }
        Signature signature = store.findById(signatureId)
                .orElseThrow(() -> Failure.notFound("Signature " + signatureId));
        if (signature.accountId().equals(reviewer.accountId())) {
            Log.warn("review.decision.refused", "reason", "self-review");
            throw new Failure(Failure.Category.FORBIDDEN, "AuthFailure.SelfReview",
                    "A reviewer cannot decide on an application of their own account", null);
        }
        reviewQueue.send(ReviewMessage.decision(signatureId, version, decision.name(),
                reasons.stream().distinct().map(Enum::name).toList(), comment, reviewer.subject()));
    }

    /** Applies one review-queue message; safe to call again with the same message. */
    public void process(ReviewMessage message) {
        Log.context("signatureId", message.signatureId(), "accountId", message.accountId());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Signature> found = message.accountId() == null
                    ? store.findById(message.signatureId())
                    : store.find(message.accountId(), message.signatureId());
            if (found.isEmpty()) {
                Log.warn("review.ignored", "reason", "signature does not exist");
                return;
            }
            Signature signature = found.get();
            Log.context("accountId", signature.accountId());
            SignatureStatus before = signature.status();
            java.time.Instant inStatusSince = lastStatusChange(signature);
            boolean changed = message.kind() == ReviewMessage.Kind.AUTOMATIC_REVIEW
                    ? runAutomaticReview(signature, message)
                    : applyDecision(signature, message);
            if (!changed || store.save(signature)) {
                if (changed && signature.status() != before) {
                    outcomeMetrics(signature, inStatusSince);
                }
                publishOutbox(signature);
                return;
            }
        }
        throw new IllegalStateException("signature kept changing; the message will be retried");
    }

    /** Approved or rejected, and how long the review took from the application's last status change. */
    private void outcomeMetrics(Signature signature, java.time.Instant since) {
        if (signature.status() == SignatureStatus.APPROVED || signature.status() == SignatureStatus.REJECTED) {
            Metrics.count(signature.status() == SignatureStatus.APPROVED
                    ? Metrics.SIGNATURES_APPROVED : Metrics.SIGNATURES_REJECTED, 1);
            Metrics.milliseconds(Metrics.REVIEW_LATENCY, clock.millis() - since.toEpochMilli());
        }
    }

    /** When the signature entered its current status (its creation when the history kept no change). */
    private static java.time.Instant lastStatusChange(Signature signature) {
        List<smsplatform.domain.HistoryEntry> history = signature.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            smsplatform.domain.HistoryEntry h = history.get(i);
            if (!h.discarded() && (h.from() == null || !h.from().equals(h.to()))) {
                return h.at();
            }
        }
        return signature.createdAt();
    }

    /**
     * Publishes the results stored with the signature, then forgets them. A crash in between leaves
     * them stored: the redelivered message publishes them again, and the queue's deduplication id
     * keeps the delivery to one.
     */
    private void publishOutbox(Signature signature) {
        Signature current = signature;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !current.outbox().isEmpty(); attempt++) {
            List<smsplatform.domain.ReviewResult> pending = current.outbox();
            pending.forEach(results::publish);
            current.published(pending);
            if (store.save(current)) {
                Log.info("review.results.published", "count", pending.size());
                return;
            }
            current = store.find(current.accountId(), current.signatureId()).orElse(null);
            if (current == null) {
                return;
            }
        }
    }

    private boolean runAutomaticReview(Signature signature, ReviewMessage message) {
        if (!signature.awaitsAutomaticReview() || signature.version() != message.version()) {
            Log.info("review.automatic.skipped", "status", signature.status().name(), "version", signature.version());
            return false;
        }
        AutomaticReview.Outcome outcome = AutomaticReview.evaluate(signature);
        signature.completeAutomaticReview(outcome.findings(), outcome.blockingReasons(), clock.instant());
        Log.info("review.automatic.done", "status", signature.status().name(),
                "findings", outcome.findings().size());
        return true;
    }

    private boolean applyDecision(Signature signature, ReviewMessage message) {
        String note = "decision " + message.decision() + " for version " + message.version();
        boolean alreadyHandled = signature.history().stream().anyMatch(h ->
                message.reviewer().equals(h.actor()) && h.note() != null && h.note().startsWith(note));
        if (alreadyHandled) {
            return false;
        }
        if (!signature.awaitsReviewer() || signature.version() != message.version()) {
            signature.recordDiscardedDecision(message.reviewer(),
                    note + " discarded: the signature is now at version " + signature.version() + " in status "
                            + signature.status(), clock.instant());
            Log.info("review.decision.discarded", "version", message.version());
            return true;
        }
        List<ReasonCode> reasons = message.reasons().stream().map(ReasonCode::valueOf).toList();
        if (Decision.valueOf(message.decision()) == Decision.APPROVE) {
            signature.approve(message.reviewer(), note, clock.instant());
        } else {
            signature.reject(message.reviewer(), reasons, message.comment(), note, clock.instant());
        }
        Log.info("review.decision.applied", "decision", message.decision());
        return true;
    }
}
