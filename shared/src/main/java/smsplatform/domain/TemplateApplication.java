package smsplatform.domain;

import java.util.List;

/**
 * What the applicant asks for: the body of POST/PUT /v1/templates. After {@link TemplateRules#validate}
 * the name, content and remark are normalised and {@code variables[i]} is the kind of {@code {i+1}}.
 */
public record TemplateApplication(
        String name,
        TemplateType type,
        boolean international,
        String content,
        List<VariableKind> variables,
        String remark) {

    public TemplateApplication {
        variables = List.copyOf(variables);
    }
}
