package smsplatform.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DESIGN §5.1 (format) and §5.2 (identifiable names), checked before any quota is used.
 *
 * <p>Every check, and the uniqueness key, looks at the name trimmed and NFKC-normalised, so names
 * that render alike are one name: full-width letters, Kangxi radicals and compatibility ideographs
 * become the ordinary characters. NFKC leaves most of the CJK Radicals Supplement as it is (U+2EA0
 * stays U+2EA0), so those radicals then become the ideograph Unicode names as their equivalent
 * ({@link RadicalEquivalents}): ⼈⺠银行 is 人民银行. Whatever is still outside the alphabet is refused,
 * radicals without an equivalent included: a radical taken for an ideograph would be a name that
 * renders like another without colliding with it.
 */
public final class SignatureNameRules {

    public static final String FORMAT_CODE = "InvalidParameterValue.SignNameFormat";
    public static final String NON_IDENTIFIABLE_CODE = "FailedOperation.NonIdentifiableSignature";

    /** The characters that count as ideographs: the CJK unified and compatibility ideograph blocks, never radicals. */
    private static final Set<Character.UnicodeBlock> IDEOGRAPH_BLOCKS = Set.of(
            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS,
            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A,
            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_B,
            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_C,
            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_D,
            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_E,
            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_F,
            Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_G,
            // After NFKC only its twelve unified ideographs (U+FA0E…) are left in this block.
            Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS);
    private static final Set<Character.UnicodeBlock> RADICAL_BLOCKS = Set.of(
            Character.UnicodeBlock.KANGXI_RADICALS, Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT);

    /** Ideographs, ASCII letters and digits; a space only singly, between two Latin letters or digits. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{IsHan}A-Za-z0-9]+(?:(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])[\\p{IsHan}A-Za-z0-9]*)*");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[\\p{IsHan}A-Za-z].*");
    private static final Pattern HAS_IDEOGRAPH = Pattern.compile(".*\\p{IsHan}.*");

    /** Generic or placeholder words: a name made only of these identifies no one. */
    private static final Set<String> GENERIC = Set.of(
            "test", "testing", "demo", "sample", "example", "verificationcode", "verification", "code",
            "otp", "notification", "notice", "announcement", "alert", "message", "sms", "system",
            "service", "customerservice",
            "测试", "验证码", "通知", "公告", "提醒", "短信", "系统", "客服", "服务",
            "測試", "驗證碼", "簡訊", "系統", "服務");

    private SignatureNameRules() {}

    /**
     * The name as every rule sees it: trimmed, NFKC-normalised, radicals replaced by their equivalent
     * ideographs, trimmed again (NFKC turns U+00A0 into a space).
     */
    public static String normalize(String raw) {
        String trimmed = raw == null ? "" : raw.strip();
        return RadicalEquivalents.replace(Normalizer.normalize(trimmed, Normalizer.Form.NFKC)).strip();
    }

    /** A CJK ideograph of §5.1's alphabet (radicals, strokes, 〇 and 々 are not). */
    static boolean isIdeograph(int codePoint) {
        return Character.isIdeographic(codePoint) && inBlocks(codePoint, IDEOGRAPH_BLOCKS);
    }

    private static boolean inBlocks(int codePoint, Set<Character.UnicodeBlock> blocks) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block != null && blocks.contains(block);
    }

    private static boolean inAlphabet(int codePoint) {
        return codePoint == ' ' || codePoint < 0x80 && Character.isLetterOrDigit(codePoint) || isIdeograph(codePoint);
    }

    /** The normalised name, or a {@link Failure} saying which rule it breaks. */
    public static String validate(String raw) {
        String name = normalize(raw);
        int outside = name.codePoints().filter(c -> !inAlphabet(c)).findFirst().orElse(-1);
        if (outside >= 0 && inBlocks(outside, RADICAL_BLOCKS)) {
            throw Failure.invalid(FORMAT_CODE, String.format(
                    "'%s' (U+%04X) is a radical, not a Chinese character; write the character itself",
                    new String(Character.toChars(outside)), outside), "name");
        }
        if (outside >= 0 || !ALLOWED.matcher(name).matches()) {
            throw Failure.invalid(FORMAT_CODE,
                    "Signature names use only Chinese characters, letters, digits and single spaces between Latin words; no brackets or punctuation",
                    "name");
        }
        boolean ideographic = HAS_IDEOGRAPH.matcher(name).matches();
        int length = name.codePointCount(0, name.length());
        int max = ideographic ? 12 : 20;
        if (length < 2 || length > max) {
            throw Failure.invalid(FORMAT_CODE,
                    "Signature names are 2-" + max + " characters long" + (ideographic ? " when they contain Chinese characters" : ""),
                    "name");
        }
        if (!HAS_LETTER.matcher(name).matches()) {
            throw Failure.invalid(NON_IDENTIFIABLE_CODE, "A signature made only of digits identifies no one", "name");
        }
        if (!isIdentifiable(name)) {
            throw Failure.invalid(NON_IDENTIFIABLE_CODE,
                    "'" + name + "' identifies no organisation or person; use the name of your organisation, app, website or account",
                    "name");
        }
        return name;
    }

    /** Case-insensitive key of the normalised name, under which two names count as the same (§5.4). */
    public static String uniquenessKey(String name) {
        return normalize(name).toLowerCase(Locale.ROOT);
    }

    static boolean isIdentifiable(String name) {
        String compact = normalize(name).replace(" ", "").toLowerCase(Locale.ROOT);
        if (compact.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (isOnlyWordsOf(compact, GENERIC) || isPlaceholderShape(compact)) {
            return false;
        }
        return true;
    }

    /** True when the text can be cut entirely into words of the set ("testsms", "系统通知" into GENERIC's). */
    static boolean isOnlyWordsOf(String compact, Set<String> words) {
        boolean[] reachable = new boolean[compact.length() + 1];
        reachable[0] = true;
        for (int end = 1; end <= compact.length(); end++) {
            for (int start = 0; start < end && !reachable[end]; start++) {
                reachable[end] = reachable[start] && words.contains(compact.substring(start, end));
            }
        }
        return reachable[compact.length()];
    }

    /** One repeated character, or the shapes aabb / abab / aaaa ("xxyy", "abab"). */
    private static boolean isPlaceholderShape(String compact) {
        int[] cps = compact.codePoints().toArray();
        if (cps.length > 0 && Arrays.stream(cps).allMatch(c -> c == cps[0])) {
            return true;
        }
        if (cps.length == 4) {
            boolean aabb = cps[0] == cps[1] && cps[2] == cps[3];
            boolean abab = cps[0] == cps[2] && cps[1] == cps[3];
            return aabb || abab;
        }
        return false;
    }
}
