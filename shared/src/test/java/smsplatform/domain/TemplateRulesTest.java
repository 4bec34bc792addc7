package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static smsplatform.domain.VariableKind.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN §10: the pre-checks of a template, the values of each variable kind, and rendering. */
class TemplateRulesTest {

    static TemplateApplication application(String content, VariableKind... kinds) {
        return new TemplateApplication("Login code", TemplateType.VERIFICATION_CODE, false, content, List.of(kinds),
                "Sent when a user signs in");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refused(TemplateApplication application, String code, String field) {
        return assertThatThrownBy(() -> TemplateRules.validate(application)).as(application.toString())
                .isInstanceOf(Failure.class)
                .hasFieldOrPropertyWithValue("code", code)
                .hasFieldOrPropertyWithValue("field", field)
                .hasFieldOrPropertyWithValue("category", Failure.Category.INVALID);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refusedContent(String content, String code, VariableKind... kinds) {
        return refused(application(content, kinds), code, "content");
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    // --- validate ----------------------------------------------------------------------------------

    @Test
    void aValidTemplateComesBackTrimmedAndNfkcNormalised() {
        TemplateApplication valid = TemplateRules.validate(new TemplateApplication("  Ｌｏｇｉｎ code ",
                TemplateType.VERIFICATION_CODE, true, "  Your code is ｛１｝, valid for {2} minutes.\n", List.of(CODE, DIGITS),
                " Sign-in\u3000"));
        assertThat(valid).isEqualTo(new TemplateApplication("Login code", TemplateType.VERIFICATION_CODE, true,
                "Your code is {1}, valid for {2} minutes.", List.of(CODE, DIGITS), "Sign-in"));
    }

    @Test
    void aMissingTypeIsAMissingParameter() {
        assertThatThrownBy(() -> TemplateRules.validate(new TemplateApplication("n", null, false, "c", List.of(), "r")))
                .isInstanceOf(Failure.class).hasFieldOrPropertyWithValue("code", "MissingParameter")
                .hasFieldOrPropertyWithValue("field", "type");
    }

    @Test
    void contentIsOneToFiveHundredCodePointsAfterTrimming() {
        refusedContent("   ", TemplateRules.CONTENT_LENGTH_CODE).hasMessageContaining("1-500");
        refusedContent(null, TemplateRules.CONTENT_LENGTH_CODE);
        refusedContent("码".repeat(501), TemplateRules.CONTENT_LENGTH_CODE).hasMessageContaining("it has 501");
        assertThat(TemplateRules.validate(new TemplateApplication("n", TemplateType.NOTIFICATION, false,
                "\uD83D\uDE00".repeat(450), List.of(), "r")).content()).as("450 emoji are 900 UTF-16 units, 450 characters")
                .hasSize(900);
        refusedContent("\uD83D\uDE00".repeat(501), TemplateRules.CONTENT_LENGTH_CODE);
        refusedContent("㍻".repeat(251), TemplateRules.CONTENT_LENGTH_CODE).hasMessageContaining("it has 502");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedButLineBreaksAreKept() {
        assertThat(TemplateRules.validate(application("Your code is {1}.\nDo not share it.", CODE)).content())
                .isEqualTo("Your code is {1}.\nDo not share it.");
        for (String control : List.of("\t", "\r", "\u0000", "\u001B", "\u007F", "\u0085", "\u009B", "\uD800", "\uDC00")) {
            refusedContent("Your code" + control + " is {1}", TemplateRules.CONTENT_CHARACTERS_CODE, CODE)
                    .hasMessageContaining(String.format("U+%04X", (int) control.charAt(0)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"【Acme】Your code is {1}", "[Acme] Your code is {1}", "Your code ] is {1}",
            "［Acme］Your code is {1}", "︻Acme︼Your code is {1}", "﹇Acme﹈Your code is {1}"})
    void signatureBracketsAreRefusedFullWidthAndVerticalFormsToo(String content) {
        refusedContent(content, TemplateRules.BRACKETS_CODE, CODE).hasMessageContaining("【】[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Code {} here {1}", "Hi {name}, code {1}", "Code {0}", "Code {01}", "Code {{1}}", "Code { {1}",
            "Code {1} }", "Code ${x} {1}", "Code {1} %s", "Code %d {1}", "Code %1$s {1}", "Code #code# {1}", "Code {{name}} {1}",
            "Code { 1 }", "Code {1 }", "Code {-1}", "Code {1.0}"})
    void placeholdersOtherThanNumberedVariablesAreRefused(String content) {
        refusedContent(content, TemplateRules.VARIABLE_FORMAT_CODE, CODE).hasMessageContaining("{1}, {2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Save 100% for real: code {1}", "Code {1} is 100%, #1 in town", "Order #123: {1}",
            "50%discount? No: {1}", "Code {1} (tag #hashtag)"})
    void percentSignsAndHashesThatAreNoPlaceholdersStay(String content) {
        assertThat(TemplateRules.validate(application(content, CODE)).content()).isEqualTo(content);
    }

    @Test
    void variablesAreNumberedFromOneWithoutGapsInAnyOrder() {
        assertThat(TemplateRules.validate(application("{2} is the code for {1}", NAME, CODE)).content())
                .isEqualTo("{2} is the code for {1}");
        refusedContent("Code {1}, valid {3} min", TemplateRules.VARIABLE_FORMAT_CODE, CODE, DIGITS)
                .hasMessageContaining("{2} is missing");
        refusedContent("Code {2}", TemplateRules.VARIABLE_FORMAT_CODE, CODE).hasMessageContaining("{1} is missing");
    }

    @Test
    void eachVariableIsUsedOnce() {
        refusedContent("Code {1}, again: {1}", TemplateRules.VARIABLE_FORMAT_CODE, CODE)
                .hasMessageContaining("{1} is used more than once");
    }

    @Test
    void atMostTenVariables() {
        VariableKind[] ten = new VariableKind[10];
        Arrays.fill(ten, DIGITS);
        String tenVariables = "Counts: {1} {2} {3} {4} {5} {6} {7} {8} {9} {10}";
        assertThat(TemplateRules.validate(application(tenVariables, ten)).variables()).hasSize(10);
        VariableKind[] eleven = Arrays.copyOf(ten, 11);
        eleven[10] = DIGITS;
        refusedContent(tenVariables + " {11}", TemplateRules.VARIABLE_FORMAT_CODE, eleven)
                .hasMessageContaining("{11} is beyond the limit of 10");
        refusedContent("Code {99999999999999999999}", TemplateRules.VARIABLE_FORMAT_CODE, CODE)
                .hasMessageContaining("beyond the limit");
    }

    @Test
    void oneKindIsDeclaredPerVariable() {
        refused(application("Code {1}, valid {2} min", CODE), TemplateRules.VARIABLES_MISMATCH_CODE, "variables")
                .hasMessageContaining("uses 2 variable(s) but 1 kind(s)");
        refused(application("Your code is on its way", CODE), TemplateRules.VARIABLES_MISMATCH_CODE, "variables");
        assertThat(TemplateRules.validate(application("Your parcel is on its way")).variables()).isEmpty();
    }

    @Test
    void aUrlIsAConstantNeverBuiltWithOrTouchingAVariable() {
        for (String content : List.of("Open https://acme.com/{1}", "Open https://{1}", "Open http://acme.com?c={1}",
                "Open www.{1}.com", "Open {1}.acme.com", "Open acme.com{1}", "Open {1}acme.cn now", "Open {1}https://acme.com",
                "Open ｈｔｔｐｓ：／／ａｃｍｅ．ｃｏｍ／{1}", "Open acme.com/{1}/x", "Open ACME.COM.CN/{1}")) {
            refusedContent(content, TemplateRules.URL_VARIABLE_CODE, TEXT).hasMessageContaining("{1}");
        }
        for (String content : List.of("Open https://acme.com/app to see {1}", "Code {1} at www.acme.com",
                "{1}: see acme.com.cn", "Total {1}.", "Paid {1}.00 yuan", "{1}。详情见 https://acme.cn/help")) {
            assertThat(TemplateRules.validate(application(content, TEXT)).content()).as(content).isEqualTo(content);
        }
    }

    @Test
    void theWorstCaseRenderingWithTheLongestSignatureFitsInFiveHundred() {
        assertThat(TemplateText.signatureOverhead(false)).as("【 + 20 + 】").isEqualTo(22);
        assertThat(TemplateText.signatureOverhead(true)).as("[ + 20 + ] and a space").isEqualTo(23);
        // {1} as TEXT renders to at most 20: 458 + 20 + 22 = 500 domestic, 501 international.
        String content = "x".repeat(458) + "{1}";
        assertThat(TemplateRules.validate(application(content, TEXT)).content()).isEqualTo(content);
        TemplateApplication international = new TemplateApplication("n", TemplateType.NOTIFICATION, true, content,
                List.of(TEXT), "r");
        refused(international, TemplateRules.CONTENT_LENGTH_CODE, "content")
                .hasMessageContaining("at its longest").hasMessageContaining("501");
        refusedContent("x".repeat(459) + "{1}", TemplateRules.CONTENT_LENGTH_CODE, TEXT).hasMessageContaining("501");
        assertThat(TemplateRules.validate(application("x".repeat(459) + "{1}", DIGITS)).content())
                .as("a DIGITS variable is at most 12").hasSize(462);
    }

    @Test
    void aNameIsOneToThirtyCharactersWithoutBracketsOrControlCharacters() {
        assertThat(TemplateRules.validate(withName("  ".concat("名".repeat(30)))).name()).isEqualTo("名".repeat(30));
        for (String name : List.of("", "  ", "名".repeat(31), "【Login】", "Login [2]", "Login ［2］", "Login\ncode")) {
            refused(withName(name), TemplateRules.NAME_FORMAT_CODE, "name");
        }
        refused(withName(null), TemplateRules.NAME_FORMAT_CODE, "name");
    }

    static TemplateApplication withName(String name) {
        return new TemplateApplication(name, TemplateType.NOTIFICATION, false, "Your parcel is on its way", List.of(), "r");
    }

    @Test
    void aRemarkSayingWhatTheTemplateIsForIsRequiredUpToFiveHundredCharacters() {
        for (String remark : Arrays.asList(null, "", " \n ", "r".repeat(501))) {
            refused(new TemplateApplication("n", TemplateType.NOTIFICATION, false, "Your parcel is on its way", List.of(), remark),
                    TemplateRules.REMARK_LENGTH_CODE, "remark");
        }
        assertThat(TemplateRules.validate(new TemplateApplication("n", TemplateType.NOTIFICATION, false,
                "Your parcel is on its way", List.of(), "r".repeat(500))).remark()).hasSize(500);
    }

    // --- variable kinds ----------------------------------------------------------------------------

    static void accepts(VariableKind kind, List<String> accepted, List<String> refused) {
        for (String value : accepted) {
            assertThat(kind.accepts(value)).as(kind + " accepts '" + value + "'").isTrue();
            assertThat(length(value)).as(kind + " maxLength").isLessThanOrEqualTo(kind.maxLength());
        }
        for (String value : refused) {
            assertThat(kind.accepts(value)).as(kind + " refuses '" + value + "'").isFalse();
        }
    }

    static final List<String> REFUSED_BY_EVERY_KIND = Arrays.asList(null, "", "12【3", "12]34", "[1]", "12\u000034",
            "12\n34", "12\u008534", "\uD800123");

    static List<String> plus(List<String> values) {
        List<String> all = new ArrayList<>(REFUSED_BY_EVERY_KIND);
        all.addAll(values);
        return all;
    }

    @Test
    void aCodeIsFourToEightAsciiLettersOrDigits() {
        accepts(CODE, List.of("4821", "a1B2", "ABCDEFGH", "12345678"),
                plus(List.of("123", "123456789", "12 34", "12-34", "１２３４", "验证码12", "abcé")));
    }

    @Test
    void digitsAreOneToTwelveAsciiDigits() {
        accepts(DIGITS, List.of("0", "5", "123456789012"),
                plus(List.of("1234567890123", "-1", "1.5", "12a", "١٢٣", "1 2")));
    }

    @Test
    void anAmountIsADecimalNumberOfAtMostTwelveDigitsAndFourDecimals() {
        accepts(AMOUNT, List.of("0", "12.50", "-3", "-123456789012.1234", "007"),
                plus(List.of("1.", ".5", "1.23456", "1234567890123", "+5", "1,000", "1e5", "--1", "12.5元")));
        assertThat(AMOUNT.maxLength()).isEqualTo(18);
    }

    @Test
    void aDateTimeIsUpToTwentyDigitsSeparatorsAndDateWordsWithADigit() {
        accepts(DATETIME, List.of("2026-11-30 10:00", "2026/11/30", "2026年11月30日", "10时30分15秒", "12:00:00", "5"),
                plus(List.of("年月日", "  -:/", "2026-11-30T10:00", "2026-11-30 10:00:00.000", "tomorrow", "下午3点")));
    }

    @Test
    void aNameIsUpToTwelveCharactersWithALetterAndNoUrl() {
        accepts(NAME, List.of("Alice", "张三", "Room 101", "Acme Cloud 2", "李"),
                plus(List.of("12345", "1 2 3", "Alice Wonderland", "acme.com", "www.x", "http://a")));
    }

    @Test
    void aTextIsUpToTwentyCharactersWithoutUrl() {
        accepts(TEXT, List.of("x", "12345", "{2}", "your parcel", "张三的订单", "ideal.", "v1.2.3", "a".repeat(20)),
                plus(List.of("a".repeat(21), "see acme.com", "https://a", "www.acme", "Acme.CN/x", "go t.co")));
    }

    // --- render ------------------------------------------------------------------------------------

    @Test
    void renderingSubstitutesEachParameterOnceAndNeverExpandsOneAgain() {
        assertThat(TemplateText.render("{2}: code {1}", List.of(CODE, TEXT), List.of("4821", "Hi {1}")))
                .isEqualTo("Hi {1}: code 4821");
        assertThat(TemplateText.render("Pay {1}$ {2}", List.of(AMOUNT, TEXT), List.of("12.50", "$1 \\0")))
                .as("no regex replacement syntax either").isEqualTo("Pay 12.50$ $1 \\0");
        assertThat(TemplateText.render("Your parcel is on its way", List.of(), null)).isEqualTo("Your parcel is on its way");
    }

    @Test
    void parametersAreNormalisedBeforeTheirKindJudgesThem() {
        assertThat(TemplateText.render("Code {1}", List.of(CODE), List.of(" １２３４ "))).isEqualTo("Code 1234");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refusedParams(List<VariableKind> kinds, List<String> params) {
        return assertThatThrownBy(() -> TemplateText.render("{1} {2}".substring(0, kinds.size() * 4 - 1), kinds, params))
                .isInstanceOf(Failure.class)
                .hasFieldOrPropertyWithValue("code", TemplateText.PARAMETER_CODE)
                .hasFieldOrPropertyWithValue("field", "templateParams");
    }

    @Test
    void theNumberOfParametersMatchesTheVariables() {
        refusedParams(List.of(CODE), List.of("4821", "5")).hasMessageContaining("1 variable(s) but 2 parameter(s)");
        refusedParams(List.of(CODE, DIGITS), List.of("4821")).hasMessageContaining("2 variable(s) but 1 parameter(s)");
        refusedParams(List.of(CODE), null).hasMessageContaining("but 0 parameter(s)");
    }

    @Test
    void aParameterThatDoesNotFitItsKindIsRefusedByNumberAndKind() {
        refusedParams(List.of(CODE, AMOUNT), List.of("4821", "12,50")).hasMessageContaining("Parameter 2 (for {2}) is not a valid AMOUNT");
        refusedParams(List.of(TEXT, DIGITS), List.of("【Bank】", "5")).hasMessageContaining("Parameter 1");
        refusedParams(List.of(TEXT, DIGITS), List.of("see acme.com", "5")).hasMessageContaining("valid TEXT");
    }

    @Test
    void aNullParameterIsRefused() {
        refusedParams(List.of(CODE, DIGITS), Arrays.asList("4821", null)).hasMessageContaining("Parameter 2 (for {2}, a DIGITS) is missing");
    }
}
