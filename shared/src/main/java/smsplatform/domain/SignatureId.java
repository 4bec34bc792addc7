package smsplatform.domain;

import java.util.Optional;

/** A signature's id: {@code sig-} and 26 characters (see {@link IdShape}). */
public record SignatureId(String value) implements ApplicationId {

    public static final String PREFIX = "sig-";

    public SignatureId {
        IdShape.require(PREFIX, value, "SignatureId");
    }

    /** The id {@code raw} is, or empty when it is not one. */
    public static Optional<SignatureId> parse(String raw) {
        return IdShape.matches(PREFIX, raw) ? Optional.of(new SignatureId(raw)) : Optional.empty();
    }

    @Override
    public ApplicationKind kind() {
        return ApplicationKind.SIGNATURE;
    }

    @Override
    public String toString() {
        return value;
    }
}
