package smsplatform.domain;

/**
 * The automatic review of a template, as a table of rules (DESIGN §10): BLOCKING findings reject
 * at once with their reason, ADVISORY ones go to the reviewer.
 */
public final class TemplateReview {

    private TemplateReview() {}

    public static AutomaticReview.Outcome evaluate(TemplateApplication application) {
        throw new UnsupportedOperationException("TODO");
    }
}
