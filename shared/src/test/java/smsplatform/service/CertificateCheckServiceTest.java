package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.CertificateCheck;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.DocumentProblem;
import smsplatform.domain.ReviewStage;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;
import smsplatform.ports.ReviewMessage;
import smsplatform.service.CertificateCheckService.Outcome;
import smsplatform.service.PullServiceTest.MovingClock;
import smsplatform.support.Digests;
import smsplatform.support.Ids;

/** The certificate check on in-memory ports: what is recorded, kept as evidence, deleted and queued, upload by upload. */
class CertificateCheckServiceTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    final MovingClock clock = new MovingClock();
    final Ids.Source ids = Ids.random(clock);
    final InMemorySignatureStore signatures = new InMemorySignatureStore();
    final InMemoryCertificateStore bucket = new InMemoryCertificateStore();
    final List<ReviewMessage> reviewQueue = new ArrayList<>();
    final CertificateCheckService check = new CertificateCheckService(signatures, bucket, reviewQueue::add, clock);

    Signature apply(SignaturePurpose purpose) {
        Signature s = Signature.apply(new AccountId("acme"), AccountType.ENTERPRISE, new SignatureId(ids.next(SignatureId.PREFIX)), new SignatureApplication(
                "Acme " + purpose.name().charAt(0), SignatureType.COMPANY, purpose, false,
                Map.of("name", "Acme Cloud Computing Co., Ltd."), null), clock.now);
        return signatures.create(s, 10);
    }

    String upload(Signature s, DocumentKind kind, byte[] bytes, String contentType) {
        String key = DocumentKeys.newKey(s.accountId(), s.signatureId(), kind, ids.next("up-"));
        bucket.upload(key, bytes, contentType);
        return key;
    }

    Signature stored(Signature s) {
        return signatures.find(s.accountId(), s.signatureId()).orElseThrow();
    }

    @Test
    void aValidCertificateIsKeptAsEvidenceItsUploadDeletedAndACompleteSetQueuedForTheAutomaticReview() {
        Signature s = apply(SignaturePurpose.SELF_USE);
        String key = upload(s, DocumentKind.BUSINESS_LICENSE, PDF, "application/pdf");

        assertThat(check.check(key, "0A")).isEqualTo(Outcome.RECORDED);

        Signature after = stored(s);
        SignatureDocument document = after.documents().get(DocumentKind.BUSINESS_LICENSE);
        assertThat(document.valid()).isTrue();
        assertThat(document.sha256()).isEqualTo(Digests.sha256Hex(PDF));
        assertThat(document.objectKey()).startsWith(DocumentKeys.evidencePrefix(new AccountId("acme"), s.signatureId()));
        assertThat(bucket.objects()).containsOnlyKeys(document.objectKey());
        assertThat(bucket.objects().get(document.objectKey()).bytes()).isEqualTo(PDF);
        assertThat(after.status()).isEqualTo(SignatureStatus.IN_REVIEW);
        assertThat(after.reviewStage()).isEqualTo(ReviewStage.AUTOMATIC);
        assertThat(reviewQueue).containsExactly(ReviewMessage.automaticReview(new AccountId("acme"),
                s.signatureId(), after.version()));
    }

    @Test
    void aValidCertificateOfAnIncompleteSetIsRecordedWithoutStartingTheReview() {
        Signature s = apply(SignaturePurpose.FOR_OTHERS);
        assertThat(check.check(upload(s, DocumentKind.BUSINESS_LICENSE, PDF, "application/pdf"), "0A"))
                .isEqualTo(Outcome.RECORDED);
        assertThat(stored(s).status()).isEqualTo(SignatureStatus.AWAITING_DOCUMENTS);
        assertThat(stored(s).documents()).containsOnlyKeys(DocumentKind.BUSINESS_LICENSE);
        assertThat(reviewQueue).isEmpty();
    }

    @Test
    void aFileThatIsNoPdfJpegOrPngOrDisagreesWithItsContentTypeIsRecordedInvalidWithNoEvidenceKept() {
        Signature s = apply(SignaturePurpose.FOR_OTHERS);
        check.check(upload(s, DocumentKind.BUSINESS_LICENSE, "plain text".getBytes(StandardCharsets.UTF_8),
                "application/pdf"), "0A");
        check.check(upload(s, DocumentKind.AUTHORIZATION_LETTER, PDF, "image/png"), "0B");
        Map<DocumentKind, SignatureDocument> documents = stored(s).documents();
        assertThat(documents.get(DocumentKind.BUSINESS_LICENSE).problem()).isEqualTo(DocumentProblem.UnsupportedDocumentFormat);
        assertThat(documents.get(DocumentKind.AUTHORIZATION_LETTER).problem()).isEqualTo(DocumentProblem.ContentTypeMismatch);
        assertThat(documents.values()).allSatisfy(d -> {
            assertThat(d.valid()).isFalse();
            assertThat(d.objectKey()).isNull();
        });
        assertThat(bucket.objects()).isEmpty();
        assertThat(stored(s).status()).isEqualTo(SignatureStatus.AWAITING_DOCUMENTS);
        assertThat(reviewQueue).isEmpty();
    }

    @Test
    void anEmptyOrOversizedFileIsJudgedByItsSizeAlone() {
        Signature s = apply(SignaturePurpose.FOR_OTHERS);
        bucket.beforeRead = () -> { throw new AssertionError("a file judged by its size is never read"); };
        check.check(upload(s, DocumentKind.BUSINESS_LICENSE, new byte[0], "application/pdf"), "0A");
        check.check(upload(s, DocumentKind.AUTHORIZATION_LETTER, new byte[(int) CertificateCheck.MAX_BYTES + 1],
                "application/pdf"), "0B");
        Map<DocumentKind, SignatureDocument> documents = stored(s).documents();
        assertThat(documents.get(DocumentKind.BUSINESS_LICENSE).problem()).isEqualTo(DocumentProblem.EmptyDocument);
        assertThat(documents.get(DocumentKind.AUTHORIZATION_LETTER).problem()).isEqualTo(DocumentProblem.DocumentTooLarge);
        assertThat(bucket.objects()).isEmpty();
    }

    @Test
    void aKeyOfNoSignatureIsDeletedAndChangesNothing() {
        Signature s = apply(SignaturePurpose.SELF_USE);
        bucket.upload("certificates/acme/elsewhere.pdf", PDF, "application/pdf");
        String unknownSignature = DocumentKeys.newKey(new AccountId("acme"), new SignatureId(ids.next(SignatureId.PREFIX)), DocumentKind.BUSINESS_LICENSE, ids.next("up-"));
        bucket.upload(unknownSignature, PDF, "application/pdf");
        String otherAccount = DocumentKeys.newKey(new AccountId("other"), s.signatureId(), DocumentKind.BUSINESS_LICENSE, ids.next("up-"));
        bucket.upload(otherAccount, PDF, "application/pdf");

        assertThat(check.check("certificates/acme/elsewhere.pdf", "0A")).isEqualTo(Outcome.IGNORED);
        assertThat(check.check(unknownSignature, "0B")).isEqualTo(Outcome.IGNORED);
        assertThat(check.check(otherAccount, "0C")).isEqualTo(Outcome.IGNORED);

        assertThat(bucket.objects()).isEmpty();
        assertThat(stored(s).documents()).isEmpty();
        assertThat(stored(s).version()).isEqualTo(1);
        assertThat(reviewQueue).isEmpty();
    }

    @Test
    void anUploadOfAKindTheSignatureDoesNotTakeOrOnceItIsInReviewIsDeletedAndChangesNothing() {
        Signature s = apply(SignaturePurpose.SELF_USE);
        assertThat(check.check(upload(s, DocumentKind.TRADEMARK_REGISTRATION_CERTIFICATE, PDF, "application/pdf"), "0A"))
                .isEqualTo(Outcome.IGNORED);
        check.check(upload(s, DocumentKind.BUSINESS_LICENSE, PDF, "application/pdf"), "0B");
        long version = stored(s).version();
        String evidence = stored(s).documents().get(DocumentKind.BUSINESS_LICENSE).objectKey();

        assertThat(check.check(upload(s, DocumentKind.SOCIAL_CREDIT_CODE_CERTIFICATE, PDF, "application/pdf"), "0C"))
                .isEqualTo(Outcome.IGNORED);

        assertThat(stored(s).version()).isEqualTo(version);
        assertThat(stored(s).documents()).containsOnlyKeys(DocumentKind.BUSINESS_LICENSE);
        assertThat(bucket.objects()).containsOnlyKeys(evidence);
        assertThat(reviewQueue).hasSize(1);
    }

    @Test
    void anUploadThatNoLongerExistsIsIgnored() {
        Signature s = apply(SignaturePurpose.SELF_USE);
        String key = DocumentKeys.newKey(new AccountId("acme"), s.signatureId(), DocumentKind.BUSINESS_LICENSE, ids.next("up-"));
        assertThat(check.check(key, "0A")).isEqualTo(Outcome.IGNORED);

        String vanishing = upload(s, DocumentKind.BUSINESS_LICENSE, PDF, "application/pdf");
        bucket.beforeRead = () -> bucket.delete(vanishing);
        assertThat(check.check(vanishing, "0B")).isEqualTo(Outcome.IGNORED);
        assertThat(stored(s).documents()).isEmpty();
        assertThat(stored(s).version()).isEqualTo(1);
    }

    @Test
    void aNewerUploadOfAKindReplacesTheOlderOneAndItsEvidence() {
        Signature s = apply(SignaturePurpose.FOR_OTHERS);
        check.check(upload(s, DocumentKind.BUSINESS_LICENSE, PDF, "application/pdf"), "0A");
        String older = stored(s).documents().get(DocumentKind.BUSINESS_LICENSE).objectKey();
        byte[] newer = (new String(PDF, StandardCharsets.US_ASCII) + "%newer\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(check.check(upload(s, DocumentKind.BUSINESS_LICENSE, newer, "application/pdf"), "0B"))
                .isEqualTo(Outcome.RECORDED);

        SignatureDocument held = stored(s).documents().get(DocumentKind.BUSINESS_LICENSE);
        assertThat(held.sha256()).isEqualTo(Digests.sha256Hex(newer));
        assertThat(bucket.objects()).containsOnlyKeys(held.objectKey()).doesNotContainKey(older);
    }

    @Test
    void anOlderUploadWhoseEventArrivesLateChangesNothingAndLeavesNoEvidenceBehind() {
        Signature s = apply(SignaturePurpose.FOR_OTHERS);
        check.check(upload(s, DocumentKind.BUSINESS_LICENSE, PDF, "application/pdf"), "0B");
        SignatureDocument held = stored(s).documents().get(DocumentKind.BUSINESS_LICENSE);
        byte[] older = (new String(PDF, StandardCharsets.US_ASCII) + "%older\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(check.check(upload(s, DocumentKind.BUSINESS_LICENSE, older, "application/pdf"), "0A"))
                .isEqualTo(Outcome.IGNORED);

        assertThat(stored(s).documents().get(DocumentKind.BUSINESS_LICENSE)).isEqualTo(held);
        assertThat(bucket.objects()).containsOnlyKeys(held.objectKey());
    }

    @Test
    void aSignatureDeletedWhileItsUploadIsReadLeavesNoEvidenceBehind() {
        Signature s = apply(SignaturePurpose.SELF_USE);
        String key = upload(s, DocumentKind.BUSINESS_LICENSE, PDF, "application/pdf");
        bucket.beforeRead = () -> signatures.delete(stored(s));
        assertThat(check.check(key, "0A")).isEqualTo(Outcome.IGNORED);
        assertThat(bucket.objects()).isEmpty();
        assertThat(reviewQueue).isEmpty();
    }
}
