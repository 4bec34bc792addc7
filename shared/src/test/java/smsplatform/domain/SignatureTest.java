package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature state machine. */
class SignatureTest {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    static Signature company() {
        return Signature.apply(new AccountId("acme"), AccountType.ENTERPRISE, TestIds.signature("1"), new SignatureApplication("Acme", SignatureType.COMPANY,
                SignaturePurpose.SELF_USE, false, Map.of("name", "Acme Ltd."), null), T0);
    }

    static SignatureDocument document(DocumentKind kind, boolean valid, String sequencer) {
        return new SignatureDocument(kind, valid, "application/pdf", 10, "00", T0, valid ? null : DocumentProblem.EmptyDocument,
                "key-" + sequencer, sequencer);
    }

    @Test
    void aValidRequiredDocumentStartsTheAutomaticReview() {
        Signature s = company();
        assertThat(s.status()).isEqualTo(SignatureStatus.AWAITING_DOCUMENTS);
        assertThat(s.recordDocument(document(DocumentKind.BUSINESS_LICENSE, false, "01"), T0)).isTrue();
        assertThat(s.status()).isEqualTo(SignatureStatus.AWAITING_DOCUMENTS);
        assertThat(s.recordDocument(document(DocumentKind.BUSINESS_LICENSE, true, "02"), T0)).isTrue();
        assertThat(s.awaitsAutomaticReview()).isTrue();
        assertThat(s.history()).extracting(HistoryEntry::to)
                .containsExactly(SignatureStatus.AWAITING_DOCUMENTS, SignatureStatus.IN_REVIEW);
    }

    @Test
    void anOlderUploadArrivingLateDoesNotReplaceANewerOne() {
        Signature s = company();
        s.recordDocument(document(DocumentKind.BUSINESS_LICENSE, false, "0A"), T0);
        assertThat(s.recordDocument(document(DocumentKind.BUSINESS_LICENSE, true, "09"), T0)).isFalse();
        assertThat(s.documents().get(DocumentKind.BUSINESS_LICENSE).valid()).isFalse();
    }

    @Test
    void kindsTheSignatureDoesNotTakeAreIgnored() {
        assertThat(company().recordDocument(document(DocumentKind.ICP_FILING_SCREENSHOT, true, "01"), T0)).isFalse();
    }

    @Test
    void reviewOutcomesAndModification() {
        Signature s = company();
        s.recordDocument(document(DocumentKind.BUSINESS_LICENSE, true, "01"), T0);
        s.completeAutomaticReview(List.of(), List.of(), T0);
        assertThat(s.awaitsReviewer()).isTrue();
        s.reject("reviewer", new ReviewDecision.Key(ReviewDecision.REJECT, 2), List.of(ReasonCode.DOCUMENT_UNREADABLE), "blurry", T0);
        assertThat(s.status()).isEqualTo(SignatureStatus.REJECTED);
        assertThat(s.rejection().reasons()).containsExactly(ReasonCode.DOCUMENT_UNREADABLE);

        s.modify(s.application(), T0);
        assertThat(s.awaitsAutomaticReview()).as("the kept licence still counts").isTrue();
        assertThat(s.rejection()).isNull();
        s.completeAutomaticReview(List.of(), List.of(), T0);
        s.approve("reviewer", new ReviewDecision.Key(ReviewDecision.APPROVE, 3), T0);
        assertThatThrownBy(() -> s.modify(s.application(), T0)).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("InvalidParameterValue.SignAlreadyPassedCheck");
    }

    @Test
    void modifyingKeepsTheDocumentsStillRequiredAndDropsTheOthers() {
        Signature s = company();
        s.recordDocument(document(DocumentKind.BUSINESS_LICENSE, true, "01"), T0);
        s.modify(new SignatureApplication("Acme", SignatureType.APP, SignaturePurpose.SELF_USE, false,
                Map.of("name", "Acme", "appStoreUrl", "https://apps.example/acme"), null), T0);
        assertThat(s.documents()).containsKey(DocumentKind.BUSINESS_LICENSE);
        assertThat(s.status()).as("the app screenshot is still missing").isEqualTo(SignatureStatus.AWAITING_DOCUMENTS);

        s.modify(new SignatureApplication("Acme", SignatureType.GOVERNMENT, SignaturePurpose.SELF_USE, false,
                Map.of("name", "Acme"), null), T0);
        assertThat(s.documents()).as("a business licence proves no government body").isEmpty();
    }

    @Test
    void blockingFindingsRejectAtOnce() {
        Signature s = company();
        s.recordDocument(document(DocumentKind.BUSINESS_LICENSE, true, "01"), T0);
        s.completeAutomaticReview(List.of(new Finding("PROHIBITED_CONTENT", Finding.Severity.BLOCKING, "x")),
                List.of(ReasonCode.PROHIBITED_CONTENT), T0);
        assertThat(s.status()).isEqualTo(SignatureStatus.REJECTED);
        assertThat(s.history().get(s.history().size() - 1).reasons()).containsExactly(ReasonCode.PROHIBITED_CONTENT);
    }
}
