package smsplatform.domain;

import java.util.Optional;

/** The id of an application under review, whichever its kind: the prefix tells the kind. */
public sealed interface ApplicationId permits SignatureId, TemplateId {

    String value();

    ApplicationKind kind();

    /** The signature or template id {@code raw} is, or empty when it is neither. */
    static Optional<ApplicationId> parse(String raw) {
        return SignatureId.parse(raw).<ApplicationId>map(id -> id).or(() -> TemplateId.parse(raw));
    }
}
