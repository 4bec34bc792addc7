package smsplatform.domain;

import java.util.Optional;

/** A template's id: {@code tpl-} and 26 characters (see {@link IdShape}). */
public record TemplateId(String value) implements ApplicationId {

    public static final String PREFIX = "tpl-";

    public TemplateId {
        IdShape.require(PREFIX, value, "TemplateId");
    }

    /** The id {@code raw} is, or empty when it is not one. */
    public static Optional<TemplateId> parse(String raw) {
        return IdShape.matches(PREFIX, raw) ? Optional.of(new TemplateId(raw)) : Optional.empty();
    }

    @Override
    public ApplicationKind kind() {
        return ApplicationKind.TEMPLATE;
    }

    @Override
    public String toString() {
        return value;
    }
}
