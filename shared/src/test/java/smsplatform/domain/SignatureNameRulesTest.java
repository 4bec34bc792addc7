package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN §5.1 and §5.2; the seed's examples of non-identifiable signatures included. */
class SignatureNameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Tencent Cloud", "腾讯云", "Acme", "QQ Music 2", "腾讯Cloud", "A1", "  Tencent Cloud  "})
    void acceptsIdentifiableNames(String name) {
        assertThat(SignatureNameRules.validate(name)).isEqualTo(name.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"【腾讯云】", "Tencent, Cloud", "Tencent  Cloud", "Hello!", "x", "一二三四五六七八九十一二三",
            "ABCDEFGHIJKLMNOPQRSTU", "腾讯 云", "", "Tencent_Cloud"})
    void refusesMalformedNames(String name) {
        assertThatThrownBy(() -> SignatureNameRules.validate(name)).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("InvalidParameterValue.SignNameFormat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "aabb", "verification code", "notification", "TEST", "Test SMS", "验证码", "系统通知",
            "xxyy", "abab", "aaaa", "zzz", "12345", "Customer Service", "otp"})
    void refusesNonIdentifiableNames(String name) {
        assertThatThrownBy(() -> SignatureNameRules.validate(name)).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("FailedOperation.NonIdentifiableSignature");
    }

    @Property
    void noNameWithPunctuationIsEverAccepted(@ForAll("punctuation") String mark, @ForAll @IntRange(min = 0, max = 4) int at) {
        String base = "Acme云计算";
        String name = base.substring(0, at) + mark + base.substring(at);
        assertThatThrownBy(() -> SignatureNameRules.validate(name)).as(name).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("InvalidParameterValue.SignNameFormat");
    }

    /** Brackets and punctuation of §5.1, ASCII and CJK, in their full-width forms too. */
    @Provide
    Arbitrary<String> punctuation() {
        return Arbitraries.of("【", "】", "[", "]", "(", ")", "（", "）", "、", "，", "。", "!", "?", "！", "？", ".", ",",
                "-", "_", "·", "《", "》", "“", "”", "'", "\"", ":", "：", ";", "；", "@", "#", "&", "*", "/", "~");
    }

    @Property
    void everyAcceptedNameIsTrimmedAndWithinTheLengthLimits(@ForAll @StringLength(max = 30) String raw) {
        try {
            String name = SignatureNameRules.validate(raw);
            int length = name.codePointCount(0, name.length());
            boolean ideographic = name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            assertThat(length).isBetween(2, ideographic ? 12 : 20);
            assertThat(name).isEqualTo(name.strip()).doesNotContain("  ");
        } catch (Failure refused) {
            assertThat(refused.category()).isEqualTo(Failure.Category.INVALID);
        }
    }

    // --- Unicode normalisation (§5.1): names that render alike are one name -----------------------

    static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    static String verdict(String raw) {
        try {
            return "accepted " + SignatureNameRules.validate(raw);
        } catch (Failure refused) {
            return "refused " + refused.code();
        }
    }

    @Test
    void kangxiRadicalsCompatibilityIdeographsAndFullWidthFormsBecomeTheOrdinaryCharacters() {
        assertThat(nfkc("\u2F08")).as("JDK: KANGXI RADICAL PERSON is NFKC 人").isEqualTo("\u4EBA");
        assertThat(nfkc("\uF900")).as("JDK: the compatibility ideograph U+F900 is NFKC U+8C48").isEqualTo("\u8C48");
        assertThat(SignatureNameRules.validate("\u2F08民银行")).isEqualTo("人民银行");
        assertThat(SignatureNameRules.validate("\uF900山科技")).isEqualTo("\u8C48山科技");
        assertThat(SignatureNameRules.validate("\uFF21\uFF43\uFF4D\uFF45\u3000\uFF23\uFF4C\uFF4F\uFF55\uFF44")).isEqualTo("Acme Cloud");
        assertThat(SignatureNameRules.validate("\u00A0Acme\u00A0")).as("a no-break space is a space, trimmed").isEqualTo("Acme");
        assertThat(SignatureNameRules.uniquenessKey("\u2F08民银行")).isEqualTo(SignatureNameRules.uniquenessKey("人民银行"));
        assertThat(SignatureNameRules.uniquenessKey("\uFF21\uFF23\uFF2D\uFF25")).isEqualTo(SignatureNameRules.uniquenessKey("acme"));
    }

    @Test
    void radicalsThatNfkcLeavesAsRadicalsBecomeTheirEquivalentIdeographAndOnlyThoseWithoutOneAreRefused() {
        assertThat(nfkc("\u2EA0")).as("JDK: CJK RADICAL CIVILIAN has no decomposition").isEqualTo("\u2EA0");
        assertThat(Character.UnicodeScript.of(0x2EA0)).as("JDK: radicals are Han script, so \\p{IsHan} lets them in")
                .isEqualTo(Character.UnicodeScript.HAN);
        assertThat(SignatureNameRules.validate("\u2F08\u2EA0银行")).isEqualTo("人民银行");
        assertThat(SignatureNameRules.uniquenessKey("人\u2EA0银行")).isEqualTo(SignatureNameRules.uniquenessKey("人民银行"));
        for (String name : List.of("\u2E80银行", "人\u2E80银行", "\u2E80\u2E80")) {
            assertThatThrownBy(() -> SignatureNameRules.validate(name)).as(name).isInstanceOf(Failure.class)
                    .extracting("code").isEqualTo("InvalidParameterValue.SignNameFormat");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u3007\u3007科技", "々木科技", "Acme\u200DCloud", "Acme\uFE0F", "\u31C0\u31C1科技", "\u2FF0木木",
            "\u3231科技", "Acme\u00B2\u0301", "A\u0301cme"})
    void charactersOutsideTheAlphabetAfterNormalisationAreRefused(String name) {
        assertThatThrownBy(() -> SignatureNameRules.validate(name)).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("InvalidParameterValue.SignNameFormat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"測試", "驗證碼", "系統通知", "簡訊服務", "系統", "服務", "簡訊", "測試簡訊", "\uFF34\uFF25\uFF33\uFF34"})
    void genericWordsInTraditionalScriptAndInFullWidthFormsIdentifyNoOne(String name) {
        assertThatThrownBy(() -> SignatureNameRules.validate(name)).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("FailedOperation.NonIdentifiableSignature");
    }

    @Property(tries = 2000)
    void checkingANameAndCheckingItsNormalisedFormGiveTheSameVerdict(@ForAll("spoofableNames") String raw) {
        String normalised = SignatureNameRules.normalize(raw);
        assertThat(normalised).as("NFKC first").isEqualTo(SignatureNameRules.normalize(nfkc(raw)));
        Statistics.label("verdict").collect(verdict(raw).startsWith("accepted") ? "accepted" : "refused");
        Statistics.label("verdict").coverage(c -> c.check("accepted").percentage(p -> p >= 25));
        assertThat(verdict(normalised)).as("%s (%s)", raw, hex(raw)).isEqualTo(verdict(raw));
        if (verdict(raw).startsWith("accepted")) {
            String accepted = SignatureNameRules.validate(raw);
            assertThat(accepted).isEqualTo(normalised);
            assertThat(SignatureNameRules.validate(accepted)).as("validating is idempotent").isEqualTo(accepted);
            assertThat(accepted.codePoints()).allSatisfy(c -> assertThat(c < 0x80
                    || Character.isIdeographic(c) && !RADICAL_BLOCKS.contains(Character.UnicodeBlock.of(c)))
                    .as("U+%04X", c).isTrue());
        }
    }

    @Property(tries = 2000)
    void twoAcceptedNamesShareAUniquenessKeyExactlyWhenTheyAreVariantsOfOneName(
            @ForAll("bases") String baseA, @ForAll("bases") String baseB, @ForAll long seedA, @ForAll long seedB) {
        String a = variant(baseA, new Random(seedA));
        String b = variant(baseB, new Random(seedB));
        String acceptedA = SignatureNameRules.validate(a);
        String acceptedB = SignatureNameRules.validate(b);
        boolean sameName = baseA.toLowerCase(Locale.ROOT).equals(baseB.toLowerCase(Locale.ROOT));
        assertThat(SignatureNameRules.uniquenessKey(acceptedA).equals(SignatureNameRules.uniquenessKey(acceptedB)))
                .as("%s (%s) / %s (%s)", a, hex(a), b, hex(b)).isEqualTo(sameName);
        assertThat(SignatureNameRules.uniquenessKey(a)).as("the key of the raw form").isEqualTo(SignatureNameRules.uniquenessKey(acceptedA));
    }

    static final List<Character.UnicodeBlock> RADICAL_BLOCKS = List.of(Character.UnicodeBlock.KANGXI_RADICALS,
            Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT);

    /** Per ideograph, the radicals and compatibility ideographs normalisation maps to it (NFKC, then the UCD's equivalents). */
    static final Map<Integer, List<Integer>> LOOK_ALIKES = new TreeMap<>();

    static {
        for (int[] range : new int[][] {{0x2E80, 0x2EFF}, {0x2F00, 0x2FDF}, {0xF900, 0xFAFF}, {0x2F800, 0x2FA1F}}) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                String n = SignatureNameRules.normalize(new String(Character.toChars(cp)));
                if (Character.isDefined(cp) && n.codePointCount(0, n.length()) == 1 && n.codePointAt(0) != cp) {
                    LOOK_ALIKES.computeIfAbsent(n.codePointAt(0), k -> new ArrayList<>()).add(cp);
                }
            }
        }
    }

    /** Accepted names whose characters have look-alikes (radicals, compatibility ideographs, full-width forms, case). */
    @Provide
    Arbitrary<String> bases() {
        List<Integer> ideographs = new ArrayList<>(LOOK_ALIKES.keySet());
        Arbitrary<String> han = Arbitraries.of(ideographs).list().ofMinSize(2).ofMaxSize(6)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString() + "科技");
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .ofMinLength(3).ofMaxLength(8).map(w -> w + " Labs");
        return Arbitraries.oneOf(han, latin).filter(n -> verdict(n).startsWith("accepted"));
    }

    /** The same name written another way: look-alike code points, full-width letters, other case, padding. */
    static String variant(String base, Random random) {
        StringBuilder b = new StringBuilder(random.nextBoolean() ? "\u3000" : " ");
        base.codePoints().forEach(cp -> {
            List<Integer> alikes = LOOK_ALIKES.getOrDefault(cp, List.of());
            if (!alikes.isEmpty() && random.nextBoolean()) {
                b.appendCodePoint(alikes.get(random.nextInt(alikes.size())));
            } else if (Character.isLetter(cp) && cp < 0x80) {
                int cased = random.nextBoolean() ? Character.toUpperCase(cp) : Character.toLowerCase(cp);
                b.appendCodePoint(random.nextBoolean() ? cased - 0x21 + 0xFF01 : cased);
            } else if (cp == ' ' && random.nextBoolean()) {
                b.append('\u3000');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(random.nextBoolean() ? "\u00A0" : "").toString();
    }

    /** Random names mixing every kind of character that normalisation touches, and some it does not. */
    @Provide
    Arbitrary<String> spoofableNames() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between('a', 'z')),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between('0', '9')),
                net.jqwik.api.Tuple.of(2, Arbitraries.of((int) ' ', 0x3000, 0x00A0, 0x2003)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x2E80, 0x2FDF)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0xF900, 0xFAFF)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0xFF01, 0xFF5E)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x2460, 0x24FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x3000, 0x33FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x0300, 0x036F)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0x200D, 0xFE0F, 0x00B2, 0x2122, 0x1D400, 0x2F800)));
        Arbitrary<String> mixed = codePoints.list().ofMinSize(0).ofMaxSize(10)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
        // Combined, not flat-mapped: a generator made per try made this property the slowest of the fast tests.
        Arbitrary<String> variants = Combinators.combine(Arbitraries.longs(), bases()).as((seed, b) -> variant(b, new Random(seed)));
        return Arbitraries.oneOf(mixed, variants, Combinators.combine(Arbitraries.strings().ofMaxLength(3), variants)
                .as((insert, v) -> v.substring(0, v.length() / 2) + insert + v.substring(v.length() / 2)));
    }

    static String hex(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(String.format("U+%04X ", c)));
        return b.toString().trim();
    }
}
