package smsplatform.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of DESIGN §10 that a template's content and a send's parameters must follow.
 *
 * <p>The pre-checks are one table ({@link #RULES}), run in order on the normalised application; the
 * first rule a submission breaks is the failure, with its own code and field. Every text is first
 * trimmed and NFKC-normalised as signature names are ({@link SignatureNameRules#normalize}), so
 * full-width {@code ［］}, {@code ｛１｝} or {@code ｈｔｔｐ：／／} are judged as what they render as.
 */
public final class TemplateRules {

    public static final int MAX_CONTENT = 500;
    public static final int MAX_VARIABLES = 10;
    public static final int MAX_NAME = 30;
    public static final int MAX_REMARK = 500;

    public static final String NAME_FORMAT_CODE = "InvalidParameterValue.TemplateNameFormat";
    public static final String CONTENT_LENGTH_CODE = "InvalidParameterValue.TemplateContentLength";
    public static final String BRACKETS_CODE = "InvalidParameterValue.TemplateContainsBrackets";
    public static final String VARIABLE_FORMAT_CODE = "InvalidParameterValue.TemplateVariableFormat";
    public static final String VARIABLES_MISMATCH_CODE = "InvalidParameterValue.TemplateVariablesMismatch";
    public static final String URL_VARIABLE_CODE = "InvalidParameterValue.TemplateUrlVariable";
    public static final String CONTENT_CHARACTERS_CODE = "InvalidParameterValue.TemplateContentCharacters";
    public static final String REMARK_LENGTH_CODE = "InvalidParameterValue.TemplateRemarkLength";

    /** The longest signature name (§5.1: 20 when it has no ideograph). */

    /** Placeholders of other systems, refused with a message that names them; any other stray brace is refused too. */
    private static final List<Placeholder> FOREIGN_PLACEHOLDERS = List.of(
            new Placeholder(Pattern.compile("\\$\\{[^{}]*}"), "${name}"),
            new Placeholder(Pattern.compile("\\{\\{[^{}]*}}"), "{{name}}"),
            new Placeholder(Pattern.compile("%(?:[0-9]+\\$)?[sdif@](?![A-Za-z])"), "printf's %s"),
            new Placeholder(Pattern.compile("#[A-Za-z_][A-Za-z0-9_]*#"), "#name#"));

    private record Placeholder(Pattern pattern, String style) {}

    /** One pre-check: the message of what the (normalised) application breaks, or null. */
    private record Rule(String code, String field, Function<TemplateApplication, String> problem) {}

    private static final List<Rule> RULES = List.of(
            new Rule(NAME_FORMAT_CODE, "name", a -> nameProblem(a.name())),
            new Rule(CONTENT_LENGTH_CODE, "content", a -> lengthProblem("Template content", a.content(), MAX_CONTENT)),
            new Rule(CONTENT_CHARACTERS_CODE, "content", a -> characterProblem(a.content())),
            new Rule(BRACKETS_CODE, "content", a -> a.content().codePoints().anyMatch(c -> TemplateText.BRACKETS.indexOf(c) >= 0)
                    ? "Template content may not contain 【】[] (full-width ［］ included): they would forge a signature" : null),
            new Rule(VARIABLE_FORMAT_CODE, "content", a -> variableProblem(a.content())),
            new Rule(VARIABLES_MISMATCH_CODE, "variables", TemplateRules::mismatchProblem),
            new Rule(URL_VARIABLE_CODE, "content", a -> urlProblem(a.content())),
            new Rule(CONTENT_LENGTH_CODE, "content", TemplateRules::worstCaseProblem),
            new Rule(REMARK_LENGTH_CODE, "remark", a -> lengthProblem("The remark (what the template is used for)",
                    a.remark(), MAX_REMARK)));

    private TemplateRules() {}

    /**
     * The instant pre-checks of a submission (POST or PUT): returns the application with its name,
     * content and remark normalised (trimmed, NFKC), or throws {@link Failure#invalid} with a precise
     * code and the offending field. Nothing is stored before this passes.
     */
    public static TemplateApplication validate(TemplateApplication request) {
        if (request.type() == null) {
            throw Failure.missingField("type");
        }
        TemplateApplication normalised = new TemplateApplication(SignatureNameRules.normalize(request.name()),
                request.type(), request.international(), SignatureNameRules.normalize(request.content()),
                request.variables(), SignatureNameRules.normalize(request.remark()));
        for (Rule rule : RULES) {
            String problem = rule.problem().apply(normalised);
            if (problem != null) {
                throw Failure.invalid(rule.code(), problem, rule.field());
            }
        }
        return normalised;
    }

    private static String lengthProblem(String what, String text, int max) {
        int length = TemplateText.length(text);
        return length >= 1 && length <= max ? null
                : what + " must be 1-" + max + " characters after trimming; it has " + length;
    }

    private static String nameProblem(String name) {
        String length = lengthProblem("The template name", name, MAX_NAME);
        if (length != null) {
            return length;
        }
        return name.codePoints().anyMatch(VariableKind::forbidden)
                ? "The template name may not contain 【】[] or control characters" : null;
    }

    /** Only line breaks among the control characters; no half of a surrogate pair. */
    private static String characterProblem(String content) {
        return content.codePoints()
                .filter(c -> c != '\n' && Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE)
                .mapToObj(c -> String.format("Template content may not contain U+%04X: no control characters "
                        + "(line breaks excepted) and no lone surrogates", c))
                .findFirst().orElse(null);
    }

    /** Foreign placeholders, stray braces, then the numbering: 1…n without gaps, each once, n ≤ 10. */
    private static String variableProblem(String content) {
        for (Placeholder placeholder : FOREIGN_PLACEHOLDERS) {
            Matcher found = placeholder.pattern().matcher(content);
            if (found.find()) {
                return "'" + found.group() + "' is a placeholder of the " + placeholder.style()
                        + " style; write variables as {1}, {2}, …";
            }
        }
        String stray = strayBrace(content);
        if (stray != null) {
            return "'" + stray + "' is not a variable; variables are written {1}, {2}, … and no other braces are allowed";
        }
        List<Integer> numbers = variableNumbers(content);
        for (int i = 0; i < numbers.size(); i++) {
            int n = numbers.get(i);
            if (n > MAX_VARIABLES) {
                return "{" + (n == Integer.MAX_VALUE ? "…" : n) + "} is beyond the limit of " + MAX_VARIABLES + " variables";
            }
            if (numbers.subList(0, i).contains(n)) {
                return "{" + n + "} is used more than once; each variable is used once";
            }
        }
        for (int n = 1; n <= numbers.size(); n++) {
            if (!numbers.contains(n)) {
                return "{" + n + "} is missing: variables are numbered from {1} without gaps";
            }
        }
        return null;
    }

    /** The first brace that is not part of a {@code {n}}, with what follows it up to its closing brace. */
    private static String strayBrace(String content) {
        String rest = TemplateText.VARIABLE.matcher(content).replaceAll(m -> "\u0000".repeat(m.group().length()));
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '}') {
                return "}";
            }
            if (c == '{') {
                int close = content.indexOf('}', i);
                return close < 0 || close - i > 20 ? "{" : content.substring(i, close + 1);
            }
        }
        return null;
    }

    /** The numbers of the variables, in the order they appear ({@link Integer#MAX_VALUE} for absurdly long ones). */
    static List<Integer> variableNumbers(String content) {
        List<Integer> numbers = new ArrayList<>();
        Matcher variable = TemplateText.VARIABLE.matcher(content);
        while (variable.find()) {
            numbers.add(TemplateText.number(variable));
        }
        return numbers;
    }

    private static String mismatchProblem(TemplateApplication a) {
        int used = variableNumbers(a.content()).size();
        return used == a.variables().size() ? null : String.format(
                "The content uses %d variable(s) but %d kind(s) are declared; declare one kind per variable, in the order {1}, {2}, …",
                used, a.variables().size());
    }

    /** A URL token that contains a variable or touches one (nothing between them): a URL is only ever a constant. */
    private static String urlProblem(String content) {
        String marked = TemplateText.VARIABLE.matcher(content).replaceAll(m -> String.valueOf(TemplateText.VARIABLE_MARK).repeat(m.group().length()));
        Matcher url = TemplateText.URL.matcher(marked);
        while (url.find()) {
            int from = Math.max(0, url.start() - 1);
            int to = Math.min(marked.length(), url.end() + 1);
            int at = marked.indexOf(TemplateText.VARIABLE_MARK, from);
            if (at >= 0 && at < to) {
                Matcher variable = TemplateText.VARIABLE.matcher(content);
                variable.find(content.lastIndexOf('{', at));
                return "The URL '" + content.substring(url.start(), url.end()) + "' is built with variable "
                        + variable.group() + "; a URL must be a constant of the content, never a variable";
            }
        }
        return null;
    }

    /** Every variable at its kind's longest, behind the region's longest signature, must still fit in one text. */
    private static String worstCaseProblem(TemplateApplication a) {
        String longest = TemplateText.VARIABLE.matcher(a.content()).replaceAll(m -> "x".repeat(a.variables().get(TemplateText.number(m) - 1).maxLength()));
        int worst = TemplateText.length(longest) + TemplateText.signatureOverhead(a.international());
        return worst <= MAX_CONTENT ? null : String.format(
                "With every variable at its longest and the longest %s signature, the message would be %d characters; "
                        + "it must fit in %d: shorten the content or use shorter variable kinds",
                a.international() ? "international" : "domestic", worst, MAX_CONTENT);
    }
}
