package smsplatform.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.ApplicationId;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.Reviewable;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignatureId;
import smsplatform.domain.TemplateId;
import smsplatform.log.Log;
import smsplatform.ports.AwaitingReview;
import smsplatform.ports.CertificateStore;
import smsplatform.ports.ReviewMessage;
import smsplatform.ports.ReviewQueue;
import smsplatform.ports.SignatureStore;
import smsplatform.ports.TemplateStore;

/**
 * The reviewer's side of the review pipeline: the queue of applications awaiting a human, and decisions,
 * which are only validated and enqueued ({@link ReviewProcessor} applies them).
 */
public final class ReviewerService {

    /** {@code documentUrls}: the documents of a signature, for the reviewer's eyes; empty for a template. */
    public record PendingReview(Reviewable application, Map<String, String> documentUrls) {}

    static final Duration DOCUMENT_URL_VALIDITY = Duration.ofMinutes(10);

    private final SignatureStore signatures;
    private final TemplateStore templates;
    private final AwaitingReview awaiting;
    private final CertificateStore certificates;
    private final ReviewQueue reviewQueue;

    public ReviewerService(SignatureStore signatures, TemplateStore templates, AwaitingReview awaiting,
                           CertificateStore certificates, ReviewQueue reviewQueue) {
        this.signatures = signatures;
        this.templates = templates;
        this.awaiting = awaiting;
        this.certificates = certificates;
        this.reviewQueue = reviewQueue;
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
    public ApplicationKind submitDecision(Caller reviewer, ApplicationId id, ReviewDecision decision, List<ReasonCode> reasons,
                                          String comment, long version) {
        if (decision == ReviewDecision.REJECT && reasons.isEmpty()) {
            throw Failure.invalid("InvalidParameterValue.ReasonsRequired", "REJECT needs at least one reason code", "reasons");
        }
        if (reasons.contains(ReasonCode.OTHER) && (comment == null || comment.isBlank())) {
            throw Failure.invalid("InvalidParameterValue.CommentRequired", "Reason OTHER needs a comment", "comment");
        }
        Optional<? extends Reviewable> found = id instanceof SignatureId signature ? signatures.findById(signature)
                : templates.findById((TemplateId) id);
        Reviewable application = found.orElseThrow(() -> Failure.notFound("Application " + id));
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
        reviewQueue.send(ReviewMessage.decision(application.accountId(), id, version,
                decision, reasons.stream().distinct().toList(), comment, reviewer.subject()));
        return application.kind();
    }
}
