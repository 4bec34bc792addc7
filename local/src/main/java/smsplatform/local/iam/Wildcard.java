package smsplatform.local.iam;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** IAM's wildcards: {@code *} any run of characters (':' and '/' included), {@code ?} one character. */
final class Wildcard {

    /** The policies' patterns are few and every call checks them: each is compiled once (a profile found it hot). */
    private static final Map<String, Pattern> EXACT = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> IGNORING_CASE = new ConcurrentHashMap<>();

    private Wildcard() {}

    static boolean matches(String pattern, String value, boolean ignoreCase) {
        return (ignoreCase ? IGNORING_CASE : EXACT).computeIfAbsent(pattern, p -> compile(p, ignoreCase))
                .matcher(value).matches();
    }

    private static Pattern compile(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
