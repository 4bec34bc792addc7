package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutomaticReviewTest {

    static Signature signature(String name, String entity, SignaturePurpose purpose) {
        return Signature.apply("acme", AccountType.ENTERPRISE, "sig-1", new SignatureApplication(name, SignatureType.COMPANY,
                purpose, false, Map.of("name", entity), null), Instant.EPOCH);
    }

    @Test
    void aNameThatAbbreviatesTheEntityIsClean() {
        AutomaticReview.Outcome outcome = AutomaticReview.evaluate(
                signature("Tencent Cloud", "Tencent Cloud Computing (Beijing) Co., Ltd.", SignaturePurpose.SELF_USE));
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.blockingReasons()).isEmpty();
    }

    @Test
    void aNameUnrelatedToTheEntityIsAdvisoryForTheReviewer() {
        AutomaticReview.Outcome outcome = AutomaticReview.evaluate(
                signature("Blue Whale", "Acme Ltd.", SignaturePurpose.SELF_USE));
        assertThat(outcome.findings()).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NAME_MISMATCH_ENTITY", Finding.Severity.ADVISORY));
        assertThat(outcome.blockingReasons()).isEmpty();
    }

    @Test
    void prohibitedTermsAndMissingAuthorisationBlock() {
        assertThat(AutomaticReview.evaluate(signature("Lucky Casino", "Lucky Casino Ltd.", SignaturePurpose.SELF_USE))
                .blockingReasons()).containsExactly(ReasonCode.PROHIBITED_CONTENT);
        assertThat(AutomaticReview.evaluate(signature("Acme", "Acme Ltd.", SignaturePurpose.FOR_OTHERS))
                .blockingReasons()).containsExactly(ReasonCode.MISSING_AUTHORIZATION);
    }
}
