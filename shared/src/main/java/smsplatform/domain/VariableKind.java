package smsplatform.domain;

import java.util.regex.Pattern;

/**
 * The declared kind of a template variable and the values it takes (DESIGN §10). Values are
 * checked after NFKC normalisation; {@link #maxLength} bounds the rendered text.
 *
 * <p>One row a kind: its longest value, the shape of its values, whether a URL is refused in it and
 * what the applicant is told. Lengths are in code points. On top of its row, no value of any kind
 * holds {@code 【】[]} (they would forge a signature), a control character or a lone surrogate.
 */
public enum VariableKind {
    CODE(8, "[A-Za-z0-9]{4,8}", false, "4-8 ASCII letters or digits"),
    DIGITS(12, "[0-9]{1,12}", false, "1-12 digits"),
    AMOUNT(18, "-?[0-9]{1,12}(?:\\.[0-9]{1,4})?", false,
            "a decimal number: an optional '-', 1-12 digits, then optionally '.' and 1-4 decimals"),
    DATETIME(20, "(?=.*[0-9])[0-9\\-:/ 年月日时分秒]{1,20}", false,
            "1-20 characters of digits, '-', ':', '/', spaces and 年月日时分秒, with at least one digit"),
    NAME(12, "(?s)(?=.*\\p{L}).{1,12}", true, "1-12 characters with at least one letter (not only digits), no URL"),
    TEXT(20, "(?s).{1,20}", true, "1-20 characters, no URL");

    private final int maxLength;
    private final Pattern shape;
    private final boolean refusesUrls;
    private final String description;

    VariableKind(int maxLength, String shape, boolean refusesUrls, String description) {
        this.maxLength = maxLength;
        this.shape = Pattern.compile(shape);
        this.refusesUrls = refusesUrls;
        this.description = description;
    }

    /** The longest value this kind accepts, in code points. */
    public int maxLength() {
        return maxLength;
    }

    /** What the values of this kind look like, in words for an error message. */
    public String description() {
        return description;
    }

    /** Whether a (normalised) value is one this kind takes. */
    public boolean accepts(String value) {
        return value != null
                && value.codePoints().noneMatch(VariableKind::forbidden)
                && shape.matcher(value).matches()
                && !(refusesUrls && TemplateText.containsUrl(value));
    }

    /** What no value may hold: a signature's brackets, a control character (C0, DEL, C1), half a surrogate pair. */
    static boolean forbidden(int codePoint) {
        return TemplateText.BRACKETS.indexOf(codePoint) >= 0
                || Character.getType(codePoint) == Character.CONTROL
                || Character.getType(codePoint) == Character.SURROGATE;
    }
}
