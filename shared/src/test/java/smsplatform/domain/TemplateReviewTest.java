package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static smsplatform.domain.TemplateType.*;
import static smsplatform.domain.VariableKind.*;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN §10's automatic review of templates, one test a rule. */
class TemplateReviewTest {

    static AutomaticReview.Outcome review(TemplateType type, String content, VariableKind... kinds) {
        return TemplateReview.evaluate(new TemplateApplication("t", type, false, content, List.of(kinds), "r"));
    }

    static List<String> findings(TemplateType type, String content, VariableKind... kinds) {
        return review(type, content, kinds).findings().stream().map(Finding::code).toList();
    }

    @Test
    void concreteTemplatesOfEachTypeAreClean() {
        for (AutomaticReview.Outcome outcome : List.of(
                review(VERIFICATION_CODE, "您的验证码是{1}，5分钟内有效，请勿泄露。", CODE),
                review(VERIFICATION_CODE, "Your Ideal Bank sign-in code is {1}. It expires in {2} minutes.", DIGITS, DIGITS),
                review(NOTIFICATION, "{1}您好，您的订单{2}已发货，预计{3}送达。", NAME, TEXT, DATETIME),
                review(MARKETING, "双十一全场{1}折优惠，拒收请回复R", DIGITS),
                review(MARKETING, "Spring sale: {1} off everything this week. Reply STOP to opt out", TEXT))) {
            assertThat(outcome.findings()).isEmpty();
            assertThat(outcome.blockingReasons()).isEmpty();
        }
    }

    @Test
    void prohibitedTermsBlockInAnyScriptWidthCaseOrSpacing() {
        for (String content : List.of("欢迎来到{1}赌场", "Visit our CASINO, code {1}", "Ｃａｓｉｎｏ bonus {1}", "c a s i n o {1}",
                "赌\n博 {1}", "代開發票，聯繫{1}")) {
            AutomaticReview.Outcome outcome = review(NOTIFICATION, content, TEXT);
            assertThat(outcome.blockingReasons()).as(content).contains(ReasonCode.PROHIBITED_CONTENT);
            assertThat(outcome.findings()).as(content).filteredOn(f -> f.code().equals("PROHIBITED_CONTENT"))
                    .extracting(Finding::severity).containsExactly(Finding.Severity.BLOCKING);
        }
        assertThat(review(NOTIFICATION, "Visit our casino tonight", TEXT).findings().get(0).message()).contains("'casino'");
    }

    @Test
    void theCodeOfAVerificationCodeIsTheOnlyCodeVariableOrElseTheFirstDigitsOne() {
        assertThat(TemplateReview.codeVariable(List.of(NAME, CODE, DIGITS))).isEqualTo(OptionalInt.of(2));
        assertThat(TemplateReview.codeVariable(List.of(NAME, DIGITS, DIGITS))).isEqualTo(OptionalInt.of(2));
        assertThat(TemplateReview.codeVariable(List.of(CODE, DIGITS, CODE))).isEmpty();
        assertThat(TemplateReview.codeVariable(List.of(NAME, TEXT))).isEmpty();
        assertThat(findings(VERIFICATION_CODE, "Code {1} or {2}", CODE, CODE)).containsExactly("CODE_VARIABLE");
        assertThat(review(VERIFICATION_CODE, "Code {1} or {2}", CODE, CODE).findings().get(0).message()).contains("{1}, {2}");
        AutomaticReview.Outcome none = review(VERIFICATION_CODE, "Your sign-in code is {1}", TEXT);
        assertThat(none.findings()).extracting(Finding::code, Finding::severity)
                .containsExactly(tuple("CODE_VARIABLE", Finding.Severity.BLOCKING));
        assertThat(none.blockingReasons()).containsExactly(ReasonCode.VARIABLE_MISUSE);
        assertThat(findings(NOTIFICATION, "Your parcel {1} has arrived", TEXT)).as("only verification codes").isEmpty();
    }

    @Test
    void marketingWordsInAVerificationCodeBlock() {
        for (String content : List.of("验证码{1}，领券立享优惠", "驗證碼{1}，限時搶購", "Code {1}. Big SALE today!", "Code {1}, 20% off",
                "Code {1}, buy  now")) {
            AutomaticReview.Outcome outcome = review(VERIFICATION_CODE, content, CODE);
            assertThat(outcome.findings()).as(content).extracting(Finding::code, Finding::severity)
                    .containsExactly(tuple("MARKETING_IN_VERIFICATION_CODE", Finding.Severity.BLOCKING));
            assertThat(outcome.blockingReasons()).containsExactly(ReasonCode.MARKETING_IN_NOTIFICATION);
        }
        assertThat(review(VERIFICATION_CODE, "Code {1}, limited-time coupons inside", CODE).findings().get(0).message())
                .contains("'coupons'");
        for (String content : List.of("验证码{1}，限时5分钟内有效", "验证码{1}，限时有效", "Your Ideal code: {1}",
                "Wholesale portal code {1}", "{1} is the code we offered")) {
            assertThat(findings(VERIFICATION_CODE, content, CODE)).as(content).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"回复R退订", "拒收请回复R", "退订回T", "回TD退订", "退订请回复TD", "回 N 退订", "回复“退订”", "发送拒收",
            "Reply STOP to opt out", "reply stop to unsubscribe", "Text STOP to 12345", "Reply with \"UNSUBSCRIBE\"",
            "Msg&data rates may apply. STOP to cancel", "Reply: T", "回复Ｒ退订"})
    void aMarketingTemplateWithAnOptOutInstructionPasses(String optOut) {
        assertThat(findings(MARKETING, "双十一全场{1}折优惠。" + optOut, DIGITS)).as(optOut).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Don't stop now!", "STOP", "退订", "R&D week", "Reply to stop", "Reply today", "回覆退訂",
            "Reply HELP", "send Tickets", "回复RD退订", "stop to think"})
    void aMarketingTemplateWithoutAnOptOutInstructionIsBlocked(String notAnOptOut) {
        AutomaticReview.Outcome outcome = review(MARKETING, "Spring sale: {1} off everything. " + notAnOptOut, TEXT);
        assertThat(outcome.findings()).as(notAnOptOut).extracting(Finding::code, Finding::severity)
                .containsExactly(tuple("MISSING_OPT_OUT", Finding.Severity.BLOCKING));
        assertThat(outcome.blockingReasons()).containsExactly(ReasonCode.MISSING_OPT_OUT);
    }

    @Test
    void marketingWordsInANotificationAreAdvisoryForTheReviewer() {
        AutomaticReview.Outcome outcome = review(NOTIFICATION, "您的订单{1}已发货，明天是会员日", TEXT);
        assertThat(outcome.findings()).extracting(Finding::code, Finding::severity)
                .containsExactly(tuple("MARKETING_IN_NOTIFICATION", Finding.Severity.ADVISORY));
        assertThat(outcome.findings().get(0).message()).contains("'会员日'");
        assertThat(outcome.blockingReasons()).isEmpty();
        assertThat(findings(NOTIFICATION, "Your order {1} has shipped. Free gift inside!", TEXT))
                .containsExactly("MARKETING_IN_NOTIFICATION");
        assertThat(findings(NOTIFICATION, "Your order {1} has shipped to the ideal address", TEXT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{1}", "{1}{2}", "您好，{1}", "尊敬的用户您好：{1}", "Dear customer, {1}", "Hello {1}! {2}",
            "Test message 123", "测试", "測試訊息 {1}", "This is a test notification: {1}", "您有一条新消息，请查收 {1}", "!!! {1}"})
    void contentOfOnlyGenericWordsAndVariablesIsBlockedAsUnclear(String content) {
        VariableKind[] kinds = TemplateRules.variableNumbers(content).stream().map(n -> TEXT).toArray(VariableKind[]::new);
        AutomaticReview.Outcome outcome = review(NOTIFICATION, content, kinds);
        assertThat(outcome.findings()).as(content).extracting(Finding::code, Finding::severity)
                .containsExactly(tuple("UNCLEAR_PURPOSE", Finding.Severity.BLOCKING));
        assertThat(outcome.blockingReasons()).containsExactly(ReasonCode.UNCLEAR_PURPOSE);
    }
}
