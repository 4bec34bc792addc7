package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutomaticReviewTest {

    static Signature signature(String name, String entity, SignaturePurpose purpose) {
        return Signature.apply(new AccountId("acme"), AccountType.ENTERPRISE, TestIds.signature("1"), new SignatureApplication(name, SignatureType.COMPANY,
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

    static Signature typed(SignatureType type, Map<String, String> entity) {
        return Signature.apply(new AccountId("acme"), AccountType.ENTERPRISE, TestIds.signature("1"), new SignatureApplication(entity.get("name"), type,
                SignaturePurpose.SELF_USE, false, entity, null), Instant.EPOCH);
    }

    @Test
    void anAppWithoutAStorePageAndEntityDetailsThatDoNotFitTheTypeAreAdvisory() {
        assertThat(AutomaticReview.evaluate(typed(SignatureType.APP, Map.of("name", "Nebula", "appStoreUrl", "coming soon")))
                .findings()).extracting(Finding::code).containsExactly("APP_NOT_RELEASED");
        assertThat(AutomaticReview.evaluate(typed(SignatureType.APP,
                Map.of("name", "Nebula", "appStoreUrl", "https://apps.example.com/nebula"))).findings()).isEmpty();
        assertThat(AutomaticReview.evaluate(typed(SignatureType.WEBSITE,
                Map.of("name", "Acme", "domain", "my site", "icpNumber", "京ICP备12345678号"))).findings())
                .extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ENTITY_INCONSISTENT", Finding.Severity.ADVISORY));
        assertThat(AutomaticReview.evaluate(typed(SignatureType.WEBSITE,
                Map.of("name", "Acme", "domain", "acme.example.cn", "icpNumber", "京ICP备12345678号"))).findings()).isEmpty();
        assertThat(AutomaticReview.evaluate(typed(SignatureType.TRADEMARK,
                Map.of("name", "Acme", "trademarkNumber", "pending"))).findings()).extracting(Finding::code)
                .containsExactly("ENTITY_INCONSISTENT");
    }

    @Test
    void theSeedsNonIdentifiableExamplesAreBlockingIfTheySlipThrough() {
        for (String name : List.of("test", "aabb", "verification code", "notification")) {
            assertThat(AutomaticReview.evaluate(signature(name, name + " Ltd.", SignaturePurpose.SELF_USE)).blockingReasons())
                    .as(name).containsExactly(ReasonCode.NON_IDENTIFIABLE_NAME);
        }
    }

    @Test
    void prohibitedTermsAndMissingAuthorisationBlock() {
        assertThat(AutomaticReview.evaluate(signature("Lucky Casino", "Lucky Casino Ltd.", SignaturePurpose.SELF_USE))
                .blockingReasons()).containsExactly(ReasonCode.PROHIBITED_CONTENT);
        assertThat(AutomaticReview.evaluate(signature("Acme", "Acme Ltd.", SignaturePurpose.FOR_OTHERS))
                .blockingReasons()).containsExactly(ReasonCode.MISSING_AUTHORIZATION);
    }

    @Test
    void prohibitedTermsInTraditionalScriptBlockLikeTheirSimplifiedForms() {
        for (String name : List.of("賭博娛樂", "賭場科技", "代開發票", "赌博娱乐")) {
            assertThat(AutomaticReview.evaluate(signature(name, name + "有限公司", SignaturePurpose.SELF_USE)).blockingReasons())
                    .as(name).containsExactly(ReasonCode.PROHIBITED_CONTENT);
        }
    }
}
