package smsplatform.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import smsplatform.domain.CertificateCheck;
import smsplatform.domain.DocumentProblem;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureDocument;
import smsplatform.log.Log;
import smsplatform.ports.CertificateStore.StoredObject;
import smsplatform.ports.CertificateStore;
import smsplatform.ports.ReviewMessage;
import smsplatform.ports.ReviewQueue;
import smsplatform.ports.SignatureStore;
import smsplatform.support.Digests;

/** Judges one uploaded certificate and records it; starts the review when the set is complete. */
public final class CertificateCheckService {

    public enum Outcome { RECORDED, IGNORED }

    private static final int MAX_ATTEMPTS = 8;

    private final SignatureStore store;
    private final CertificateStore certificates;
    private final ReviewQueue reviewQueue;
    private final Clock clock;

    public CertificateCheckService(SignatureStore store, CertificateStore certificates, ReviewQueue reviewQueue,
                                   Clock clock) {
        this.store = store;
        this.certificates = certificates;
        this.reviewQueue = reviewQueue;
        this.clock = clock;
    }

    /**
     * Judges the upload at {@code key}. Whatever the outcome, the upload itself is deleted afterwards: a
     * valid one lives on only as evidence (the exact bytes judged, under a key no form can write), so a
     * later upload to the same form can never change what a reviewer sees or an approval rests on.
     */
    public Outcome check(String key, String sequencer) {
        Optional<DocumentKeys.Parsed> parsed = DocumentKeys.parse(key);
        if (parsed.isEmpty()) {
            Log.warn("certificate.ignored", "reason", "key belongs to no signature", "key", key);
            certificates.delete(key);
            return Outcome.IGNORED;
        }
        DocumentKeys.Parsed target = parsed.get();
        Log.context("accountId", target.accountId(), "signatureId", target.signatureId().value());
        Optional<StoredObject> object = certificates.head(key);
        if (object.isEmpty()) {
            Log.warn("certificate.ignored", "reason", "object no longer exists", "key", key);
            return Outcome.IGNORED;
        }
        Optional<Signature> signature = store.find(target.accountId(), target.signatureId());
        if (signature.isEmpty() || !signature.get().awaitsDocuments() || !signature.get().accepts(target.kind())) {
            Log.warn("certificate.ignored", "reason", signature.isEmpty() ? "signature does not exist"
                    : "not accepted in status " + signature.get().status(), "kind", target.kind().name());
            certificates.delete(key);
            return Outcome.IGNORED;
        }
        Optional<SignatureDocument> document = inspect(target, object.get(), sequencer);
        Outcome outcome = document.isEmpty() ? Outcome.IGNORED : record(target, document.get());
        certificates.delete(key);
        return outcome;
    }

    private Outcome record(DocumentKeys.Parsed target, SignatureDocument document) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Signature> current = store.find(target.accountId(), target.signatureId());
            if (current.isEmpty()) {
                Log.warn("certificate.ignored", "reason", "signature does not exist", "kind", document.kind().name());
                forgetEvidence(document, null);
                return Outcome.IGNORED;
            }
            Signature signature = current.get();
            SignatureDocument replaced = signature.documents().get(document.kind());
            if (!signature.recordDocument(document, clock.instant())) {
                Log.info("certificate.ignored", "reason", "not accepted in status " + signature.status()
                        + " or superseded", "kind", document.kind().name());
                forgetEvidence(document, signature);
                return Outcome.IGNORED;
            }
            if (store.save(signature)) {
                Log.info("certificate.recorded", "kind", document.kind().name(), "status", document.status(),
                        "signatureStatus", signature.status().name());
                if (replaced != null && replaced.objectKey() != null
                        && !replaced.objectKey().equals(document.objectKey())) {
                    certificates.delete(replaced.objectKey());
                }
                if (signature.awaitsAutomaticReview()) {
                    reviewQueue.send(ReviewMessage.automaticReview(signature.accountId(), signature.signatureId(),
                            signature.version()));
                }
                return Outcome.RECORDED;
            }
        }
        throw new IllegalStateException("signature kept changing; the event will be retried");
    }

    /** Deletes evidence kept for a document that was not recorded, unless the signature holds it already. */
    private void forgetEvidence(SignatureDocument document, Signature signature) {
        if (document.objectKey() == null) {
            return;
        }
        SignatureDocument held = signature == null ? null : signature.documents().get(document.kind());
        if (held == null || !document.objectKey().equals(held.objectKey())) {
            certificates.delete(document.objectKey());
        }
    }

    /**
     * Reads the upload once and judges those bytes; a valid document's bytes are kept as evidence before
     * anything refers to them. Empty when the upload vanished meanwhile (its own event says what became of it).
     */
    private Optional<SignatureDocument> inspect(DocumentKeys.Parsed target, StoredObject object, String sequencer) {
        DocumentProblem problem = CertificateCheck.bySize(object.size());
        if (problem != null) {
            return Optional.of(new SignatureDocument(target.kind(), false, object.contentType(), object.size(), null,
                    clock.instant(), problem, null, sequencer));
        }
        Optional<byte[]> read = certificates.read(object.key());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = read.get();
        problem = CertificateCheck.bySize(bytes.length);
        if (problem == null) {
            problem = CertificateCheck.byContent(Arrays.copyOf(bytes, Math.min(bytes.length, CertificateCheck.MAGIC_BYTES)),
                    object.contentType());
        }
        String sha256 = Digests.sha256Hex(bytes);
        String evidence = null;
        if (problem == null) {
            evidence = target.evidenceKey(sha256);
            certificates.keepEvidence(evidence, bytes, object.contentType());
        }
        return Optional.of(new SignatureDocument(target.kind(), problem == null, object.contentType(), bytes.length,
                sha256, clock.instant(), problem, evidence, sequencer));
    }
}
