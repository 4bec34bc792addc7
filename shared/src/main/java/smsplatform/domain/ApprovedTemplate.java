package smsplatform.domain;

import java.util.List;

/**
 * What SendSms needs of an APPROVED template: its region, its type (MARKETING skips opted-out numbers), its content
 * and the kinds of its variables.
 */
public record ApprovedTemplate(TemplateId templateId, boolean international, TemplateType type, String content,
                               List<VariableKind> variables) {

    public ApprovedTemplate {
        variables = List.copyOf(variables);
    }

    /** The body for these parameters (see {@link TemplateText#render}). */
    public String render(List<String> params) {
        return TemplateText.render(content, variables, params);
    }
}
