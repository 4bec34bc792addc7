package smsplatform.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import smsplatform.domain.Caller;
import smsplatform.domain.CertificateCheck;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.DocumentRequirements;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignatureNameRules;
import smsplatform.domain.SignatureStatus;
import smsplatform.log.Metrics;
import smsplatform.ports.CertificateStore.PresignedRequest;
import smsplatform.ports.CertificateStore;
import smsplatform.ports.ReviewMessage;
import smsplatform.ports.ReviewQueue;
import smsplatform.ports.SignatureStore;
import smsplatform.support.Ids;

/** Applying for, listing, modifying and deleting signatures (the applicant's side). */
public final class SignatureService {

    static final Duration UPLOAD_URL_VALIDITY = Duration.ofMinutes(15);
    /** Upload forms one signature may obtain over its life, those handed out at submission included. */
    public static final int MAX_UPLOADS = 50;

    public record Upload(DocumentKind kind, PresignedRequest request) {}

    public record Submitted(Signature signature, List<Upload> uploads) {}

    private final SignatureStore store;
    private final CertificateStore certificates;
    private final ReviewQueue reviewQueue;
    private final Clock clock;
    private final int quota;

    public SignatureService(SignatureStore store, CertificateStore certificates, ReviewQueue reviewQueue,
                            Clock clock, int quota) {
        this.store = store;
        this.certificates = certificates;
        this.reviewQueue = reviewQueue;
        this.clock = clock;
        this.quota = quota;
    }

    public Submitted submit(Caller caller, SignatureApplication request, Ids.Source ids) {
        SignatureApplication application = checked(caller, request);
        Signature signature = store.create(Signature.apply(caller.accountId(), caller.accountType(),
                new SignatureId(ids.next(SignatureId.PREFIX)), application, clock.instant()), quota);
        Metrics.count(Metrics.SIGNATURES_SUBMITTED, 1);
        requestAutomaticReviewIfDue(signature);
        Set<DocumentKind> kinds = DocumentRequirements.acceptedKinds(signature.requiredDocuments());
        List<Upload> uploads = new ArrayList<>();
        if (!kinds.isEmpty() && store.claimUploads(signature.accountId(), signature.signatureId(), kinds.size(),
                MAX_UPLOADS)) {
            for (DocumentKind kind : kinds) {
                uploads.add(new Upload(kind, presign(signature, kind, null, ids)));
            }
        }
        return new Submitted(signature, uploads);
    }

    public Signature get(Caller caller, SignatureId signatureId) {
        return store.find(caller.accountId(), signatureId)
                .orElseThrow(() -> Failure.notFound("Signature " + signatureId));
    }

    /** One page of the caller's signatures; {@code nextToken} only as this listing handed it to this account. */
    public Page<Signature> list(Caller caller, SignatureStatus status, int limit, String nextToken) {
        Page<Signature> page = store.list(caller.accountId(), status, limit,
                PageTokens.open(PageTokens.SIGNATURES, caller.accountId(), nextToken));
        return page.map(s -> s, position -> PageTokens.bind(PageTokens.SIGNATURES, caller.accountId(), position));
    }

    public Signature modify(Caller caller, SignatureId signatureId, SignatureApplication request) {
        SignatureApplication application = checked(caller, request);
        Signature signature = get(caller, signatureId);
        String previousName = signature.name();
        var documentsBefore = signature.documents();
        signature.modify(application, clock.instant());
        boolean saved = SignatureNameRules.uniquenessKey(previousName)
                .equals(SignatureNameRules.uniquenessKey(application.name()))
                ? store.save(signature)
                : store.rename(signature, previousName);
        if (!saved) {
            throw Failure.conflict("FailedOperation.ConcurrentModification",
                    "The signature changed meanwhile; read it again and retry");
        }
        requestAutomaticReviewIfDue(signature);
        documentsBefore.forEach((kind, dropped) -> {
            if (!signature.documents().containsKey(kind) && dropped.objectKey() != null) {
                certificates.delete(dropped.objectKey());
            }
        });
        return signature;
    }

    public void delete(Caller caller, SignatureId signatureId) {
        Signature signature = get(caller, signatureId);
        store.delete(signature);
        certificates.deletePrefix(DocumentKeys.prefix(signature.accountId(), signature.signatureId()));
        certificates.deletePrefix(DocumentKeys.evidencePrefix(signature.accountId(), signature.signatureId()));
    }

    public Upload newUpload(Caller caller, SignatureId signatureId, DocumentKind kind, String contentType, Ids.Source ids) {
        Signature signature = get(caller, signatureId);
        if (!signature.accepts(kind)) {
            throw Failure.invalid("InvalidParameterValue.DocumentKind",
                    "This signature does not take " + kind + "; it takes " + DocumentRequirements.acceptedKinds(
                            signature.requiredDocuments()), "kind");
        }
        if (!store.claimUploads(signature.accountId(), signatureId, 1, MAX_UPLOADS)) {
            throw Failure.invalid("LimitExceeded.UploadLimit", "A signature can obtain at most " + MAX_UPLOADS
                    + " upload forms; apply for a new signature if you need more", null);
        }
        return new Upload(kind, presign(signature, kind, contentType, ids));
    }

    private PresignedRequest presign(Signature signature, DocumentKind kind, String contentType, Ids.Source ids) {
        String key = DocumentKeys.newKey(signature.accountId(), signature.signatureId(), kind, ids.next("up-"));
        return certificates.presignUpload(key, contentType, CertificateCheck.MAX_BYTES, UPLOAD_URL_VALIDITY);
    }

    private void requestAutomaticReviewIfDue(Signature signature) {
        if (signature.awaitsAutomaticReview()) {
            reviewQueue.send(ReviewMessage.automaticReview(signature.accountId(), signature.signatureId(), signature.version()));
        }
    }

    /** Name rules, then who may apply for what (§5.1–§5.3); nothing is stored before these pass. */
    private static SignatureApplication checked(Caller caller, SignatureApplication request) {
        String name = SignatureNameRules.validate(request.name());
        if (DocumentRequirements.requiredFor(caller.accountType(), request.purpose(), request.type(),
                request.international()).isEmpty()) {
            throw Failure.invalid("FailedOperation.NotEnterpriseCertification",
                    "A " + caller.accountType() + " account cannot apply for a " + request.purpose() + " "
                            + request.type() + " signature", "type");
        }
        EntityFields.check(request.type(), request.entity());
        return new SignatureApplication(name, request.type(), request.purpose(), request.international(),
                request.entity(), request.remark());
    }

}
