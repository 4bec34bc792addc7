package smsplatform.domain;

import java.util.List;

/** The rules of DESIGN §10 that a template's content and a send's parameters must follow. */
public final class TemplateRules {

    public static final int MAX_CONTENT = 500;
    public static final int MAX_VARIABLES = 10;
    public static final String PARAMETER_CODE = "InvalidParameterValue.TemplateParameterFormatError";

    private TemplateRules() {}

    /**
     * The instant pre-checks of a submission (POST or PUT): returns the application with its name,
     * content and remark normalised (trimmed, NFKC), or throws {@link Failure#invalid} with a precise
     * code and the offending field. Nothing is stored before this passes.
     */
    public static TemplateApplication validate(TemplateApplication request) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * The template body with {@code {n}} replaced by {@code params[n-1]} (one pass: a parameter is never
     * expanded again). Each parameter is normalised and must fit its variable's kind, contain no
     * {@code 【】[]}, no URL and no control character; the count must match. Else {@link #PARAMETER_CODE},
     * field {@code templateParams}.
     */
    public static String render(String content, List<VariableKind> variables, List<String> params) {
        throw new UnsupportedOperationException("TODO");
    }
}
