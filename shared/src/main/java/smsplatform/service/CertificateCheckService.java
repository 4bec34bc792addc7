package smsplatform.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import smsplatform.domain.CertificateCheck;
import smsplatform.domain.DocumentProblem;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureDocument;
import smsplatform.log.Log;
import smsplatform.ports.CertificateStore;
import smsplatform.ports.CertificateStore.StoredObject;
import smsplatform.ports.ReviewQueue;
import smsplatform.ports.SignatureStore;

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

    public Outcome check(String key, String sequencer) {
        Optional<DocumentKeys.Parsed> parsed = DocumentKeys.parse(key);
        if (parsed.isEmpty()) {
            Log.warn("certificate.ignored", "reason", "key belongs to no signature", "key", key);
            return Outcome.IGNORED;
        }
        DocumentKeys.Parsed target = parsed.get();
        Log.context("accountId", target.accountId(), "signatureId", target.signatureId());
        Optional<StoredObject> object = certificates.head(key);
        if (object.isEmpty()) {
            Log.warn("certificate.ignored", "reason", "object no longer exists", "key", key);
            return Outcome.IGNORED;
        }
        SignatureDocument document = inspect(target, object.get(), sequencer);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Signature> current = store.find(target.accountId(), target.signatureId());
            if (current.isEmpty()) {
                Log.warn("certificate.ignored", "reason", "signature does not exist", "key", key);
                return Outcome.IGNORED;
            }
            Signature signature = current.get();
            if (!signature.recordDocument(document, clock.instant())) {
                Log.info("certificate.ignored", "reason", "not accepted in status " + signature.status()
                        + " or superseded", "kind", document.kind().name());
                return Outcome.IGNORED;
            }
            if (store.save(signature)) {
                Log.info("certificate.recorded", "kind", document.kind().name(), "status", document.status(),
                        "signatureStatus", signature.status().name());
                if (signature.awaitsAutomaticReview()) {
                    reviewQueue.send(ReviewMessage.automaticReview(signature.accountId(), signature.signatureId(),
                            signature.version()));
                }
                return Outcome.RECORDED;
            }
        }
        throw new IllegalStateException("signature kept changing; the event will be retried");
    }

    private SignatureDocument inspect(DocumentKeys.Parsed target, StoredObject object, String sequencer) {
        DocumentProblem problem = CertificateCheck.bySize(object.size());
        String sha256 = null;
        if (problem == null) {
            try (InputStream in = certificates.open(object.key())) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] head = new byte[CertificateCheck.MAGIC_BYTES];
                int headLength = 0;
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    int copy = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                    digest.update(buffer, 0, n);
                }
                problem = CertificateCheck.byContent(java.util.Arrays.copyOf(head, headLength), object.contentType());
                sha256 = HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return new SignatureDocument(target.kind(), problem == null, object.contentType(), object.size(), sha256,
                clock.instant(), problem, object.key(), sequencer);
    }
}
