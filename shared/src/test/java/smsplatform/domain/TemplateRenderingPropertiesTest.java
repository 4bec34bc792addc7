package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * DESIGN §10 and §4: whatever a template says and whatever parameters a send brings, a template the
 * pre-checks accepted renders, with parameters its kinds accept, to a text without {@code 【】[]}
 * that fits in 500 characters behind the longest signature of its region. Contents are built from
 * fragments (Chinese, ASCII, brackets, braces, URLs, foreign placeholders, control and NFKC-expanding
 * characters) around the variables {1}…{k}; parameters are valid, at their kind's longest, or random.
 */
class TemplateRenderingPropertiesTest {

    static final String IDEOGRAPH_SIGN = "腾".repeat(12);
    static final String LATIN_SIGN = "A".repeat(20);

    record Case(TemplateApplication template, List<String> params) {}

    @Property
    void anAcceptedTemplateRendersAcceptedParametersToOneTextWithoutSignatureBrackets(@ForAll("cases") Case c) {
        Statistics.label("outcome").coverage(check -> check.check("rendered").percentage(p -> p >= 15));
        String body;
        try {
            TemplateApplication valid = TemplateRules.validate(c.template());
            body = TemplateText.render(valid.content(), valid.variables(), c.params());
        } catch (Failure refused) {
            Statistics.label("outcome").collect(refused.field().equals("templateParams") ? "parameters refused" : "template refused");
            return;
        }
        Statistics.label("outcome").collect("rendered");
        assertThat(body).doesNotContain("【", "】", "[", "]");
        List<String> texts = c.template().international()
                ? List.of(SmsText.render(LATIN_SIGN, body, false))
                : List.of(SmsText.render(IDEOGRAPH_SIGN, body, true), SmsText.render(LATIN_SIGN, body, true));
        for (String text : texts) {
            assertThat(text.codePointCount(0, text.length())).as(text).isLessThanOrEqualTo(TemplateRules.MAX_CONTENT);
        }
    }

    @Property
    void renderingRefusesOnlyWithAFailure(@ForAll("rawContents") String content,
                                          @ForAll("anyKinds") List<VariableKind> kinds,
                                          @ForAll("anyParameters") List<String> params) {
        try {
            TemplateText.render(content, kinds, params);
        } catch (Failure refused) {
            assertThat(refused.code()).isEqualTo(TemplateText.PARAMETER_CODE);
            assertThat(refused.field()).isEqualTo("templateParams");
        }
    }

    // --- generators --------------------------------------------------------------------------------

    static final List<String> PLAIN_FRAGMENTS = List.of(
            "Your code is ", "Hello ", "order ", " ", ".", ", ", "!", "\n", "50% off ", "No. 1 ", "x".repeat(40),
            "x".repeat(150), "您的验证码是", "订单", "，", "。", "腾讯云", "码".repeat(100), "详情见 https://acme.com/help ",
            "www.acme.cn ", "\uD83D\uDE00", "Ｆｕｌｌ ｗｉｄｔｈ ", "㍻", "ﬃ");

    static final List<String> RISKY_FRAGMENTS = List.of(
            "【", "】", "[", "]", "［", "］", "︻", "{", "}", "{}", "{0}", "{01}", "{name}", "{{1}}", "${x}", "{1}", "{2}", "{11}",
            "https://", "https://acme.com/", "www.", ".com", "acme.cn", "t.co/", "%s", "%d", "#code#", "\t", "\r", "\uD800",
            "\u0085", "\u2EA0", "\u00A0");

    static Arbitrary<String> fragment() {
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(PLAIN_FRAGMENTS)), Tuple.of(1, Arbitraries.of(RISKY_FRAGMENTS)));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(VariableKind.class).list().ofMaxSize(TemplateRules.MAX_VARIABLES)
                .flatMap(kinds -> Combinators.combine(
                        fragment().list().ofMaxSize(12),
                        Arbitraries.shuffle(IntStream.rangeClosed(1, kinds.size()).boxed().toList()),
                        Arbitraries.integers().between(0, 12).list().ofSize(kinds.size()),
                        Arbitraries.of(true, false),
                        parameters(kinds),
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Integer.MIN_VALUE)),
                                Tuple.of(1, Arbitraries.integers().between(-2, 2))),
                        Arbitraries.of("x", "码", "\uD83D\uDE00"))
                        .as((fillers, order, positions, international, params, off, pad) -> {
                            String content = content(fillers, order, positions);
                            return new Case(new TemplateApplication("Property", TemplateType.NOTIFICATION, international,
                                    padded(content, kinds, international, off, pad), kinds, "For the property test"), params);
                        }));
    }

    /**
     * The content padded so that, rendered with every variable at its longest behind the longest
     * signature, it is {@code off} from 500 characters (left as it is for {@link Integer#MIN_VALUE}).
     */
    static String padded(String content, List<VariableKind> kinds, boolean international, int off, String pad) {
        if (off == Integer.MIN_VALUE) {
            return content;
        }
        int worst = content.codePointCount(0, content.length()) + TemplateText.signatureOverhead(international);
        for (int n = 1; n <= kinds.size(); n++) {
            worst += kinds.get(n - 1).maxLength() - ("{" + n + "}").length();
        }
        return pad.repeat(Math.max(0, TemplateRules.MAX_CONTENT + off - worst)) + content;
    }

    /** The fillers with {n} of the given order inserted at the given positions. */
    static String content(List<String> fillers, List<Integer> order, List<Integer> positions) {
        List<String> parts = new ArrayList<>(fillers);
        for (int i = 0; i < order.size(); i++) {
            parts.add(Math.min(positions.get(i), parts.size()), "{" + order.get(i) + "}");
        }
        return String.join("", parts);
    }

    static Arbitrary<List<String>> parameters(List<VariableKind> kinds) {
        List<Arbitrary<String>> each = kinds.stream().map(TemplateRenderingPropertiesTest::parameter).toList();
        return Combinators.combine(each).as(values -> values);
    }

    static Arbitrary<String> parameter(VariableKind kind) {
        return Arbitraries.frequencyOf(
                Tuple.of(5, valid(kind)),
                Tuple.of(2, Arbitraries.just(longest(kind))),
                Tuple.of(2, Arbitraries.strings().withChars("a1１Ａ【】[]［］{}㍻ﬃ 　.-\n张").ofMaxLength(25)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(25)));
    }

    /** Values of the kind's shape (some still refused: a trailing separator, a digits-only NAME…). */
    static Arbitrary<String> valid(VariableKind kind) {
        return switch (kind) {
            case CODE -> Arbitraries.strings().alpha().numeric().ofMinLength(4).ofMaxLength(8);
            case DIGITS -> Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12);
            case AMOUNT -> Combinators.combine(Arbitraries.of("", "-"), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
                    Arbitraries.strings().numeric().ofMaxLength(4)).as((sign, whole, part) -> sign + whole + (part.isEmpty() ? "" : "." + part));
            case DATETIME -> Arbitraries.strings().withChars("0123456789-:/ 年月日时分秒").ofMinLength(1).ofMaxLength(20);
            case NAME -> Arbitraries.strings().withChars("Alice张三李 0123456789.Ａ").ofMinLength(1).ofMaxLength(12);
            case TEXT -> Arbitraries.strings().withChars("Helo wrd您好订单.,!12３").ofMinLength(1).ofMaxLength(20);
        };
    }

    /** A value at the kind's longest, in wide characters where the kind takes them. */
    static String longest(VariableKind kind) {
        return switch (kind) {
            case CODE -> "Z9".repeat(4);
            case DIGITS -> "9".repeat(12);
            case AMOUNT -> "-999999999999.9999";
            case DATETIME -> "2026年11月30日 10时30分15秒".substring(0, 20);
            case NAME -> "张".repeat(12);
            case TEXT -> "\uD83D\uDE00".repeat(20);
        };
    }

    @Provide
    Arbitrary<String> rawContents() {
        return fragment().list().ofMaxSize(15).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<VariableKind>> anyKinds() {
        return Arbitraries.of(VariableKind.class).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<String>> anyParameters() {
        return Arbitraries.oneOf(valid(VariableKind.TEXT), Arbitraries.strings().all().ofMaxLength(30))
                .injectNull(0.05).list().ofMaxSize(12).injectNull(0.05);
    }
}
