package smsplatform.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's text at send time (DESIGN §10): its variables, the URLs and brackets no parameter may
 * hold, and rendering. Kept apart from {@link TemplateRules} (the submission's pre-checks, a table of
 * rules) so that SendSms, on its hot path, loads only what it renders with.
 */
public final class TemplateText {

    public static final String PARAMETER_CODE = "InvalidParameterValue.TemplateParameterFormatError";
    /** The longest signature name (DESIGN §5.1), for the worst-case length of a rendered text. */
    public static final int MAX_SIGN = 20;

    /** The characters of a signature's frame: never in a template or a parameter. */
    static final String BRACKETS = "【】[]";

    /** A variable: {@code {1}}…, no leading zero (the bound of {@link TemplateRules#MAX_VARIABLES} is a rule of its own). */
    static final Pattern VARIABLE = Pattern.compile("\\{([1-9][0-9]*)}");

    /** Top-level domains that make a bare {@code name.tld} a URL. */
    static final List<String> URL_TLDS = List.of(
            "com", "cn", "net", "org", "info", "biz", "io", "co", "cc", "me", "tv", "top", "xyz", "vip", "shop",
            "app", "link", "site", "online", "club", "tech", "ly", "gov", "edu", "hk", "tw", "uk", "us");

    /** Stands for each character of a {@code {n}} while URLs are looked for: a control character, so never in valid content. */
    static final char VARIABLE_MARK = '\u0001';
    private static final String URL_CHAR = "[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%" + VARIABLE_MARK + "]";
    private static final String LABEL_CHAR = "[A-Za-z0-9\\-" + VARIABLE_MARK + "]";
    private static final String LABEL = LABEL_CHAR + "+";

    /**
     * A URL token: a scheme, {@code www.}, or labels ending in a TLD of {@link #URL_TLDS} (then an optional path).
     * Labels are tried from a label's first character only: tried from a later one they end where it ends, and
     * trying them from every character made the search quadratic in a long run of letters.
     */
    static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)" + URL_CHAR + "*"
            + "|(?<!" + LABEL_CHAR + ")" + LABEL + "(?:\\." + LABEL + ")*\\.(?:" + String.join("|", URL_TLDS) + ")(?![A-Za-z0-9\\-])"
            + "(?:[/?#:]" + URL_CHAR + "*)?");

    private TemplateText() {}

    /**
     * The template body with {@code {n}} replaced by {@code params[n-1]} (one pass: a parameter is never
     * expanded again). Each parameter is normalised and must fit its variable's kind, contain no
     * {@code 【】[]}, no URL and no control character; the count must match. Else {@link #PARAMETER_CODE},
     * field {@code templateParams}.
     */
    public static String render(String content, List<VariableKind> variables, List<String> params) {
        List<String> given = params == null ? List.of() : params;
        if (given.size() != variables.size()) {
            throw parameterFailure(String.format("The template has %d variable(s) but %d parameter(s) were given",
                    variables.size(), given.size()));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            VariableKind kind = variables.get(i);
            if (given.get(i) == null) {
                throw parameterFailure(String.format("Parameter %d (for {%d}, a %s) is missing", i + 1, i + 1, kind));
            }
            String value = SignatureNameRules.normalize(given.get(i));
            if (!kind.accepts(value)) {
                throw parameterFailure(String.format("Parameter %d (for {%d}) is not a valid %s: %s",
                        i + 1, i + 1, kind, kind.description()));
            }
            values.add(value);
        }
        Matcher variable = VARIABLE.matcher(content);
        StringBuilder body = new StringBuilder();
        while (variable.find()) {
            int n = number(variable);
            variable.appendReplacement(body, Matcher.quoteReplacement(n <= values.size() ? values.get(n - 1) : variable.group()));
        }
        return variable.appendTail(body).toString();
    }

    /** Code points the longest signature adds to a text of this region ({@code 【…】}: 22; {@code […] }: 23). */
    public static int signatureOverhead(boolean international) {
        return length(SmsText.render("s".repeat(MAX_SIGN), "", !international));
    }

    /** Whether the text holds a URL token (a scheme, {@code www.}, or a domain of {@link #URL_TLDS}). */
    static boolean containsUrl(String text) {
        return URL.matcher(text).find();
    }

    private static Failure parameterFailure(String message) {
        return Failure.invalid(PARAMETER_CODE, message, "templateParams");
    }

    static int number(MatchResult variable) {
        String digits = variable.group(1);
        return digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }


    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
