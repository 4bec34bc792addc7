package smsplatform.domain;

import java.util.Optional;

/**
 * The serial number of one SMS to one number (DESIGN §4's {@code serialNo}): {@code sms-} and 26 characters
 * (see {@link IdShape}).
 */
public record SerialNo(String value) {

    public static final String PREFIX = "sms-";

    public SerialNo {
        IdShape.require(PREFIX, value, "SerialNo");
    }

    /** The id {@code raw} is, or empty when it is not one. */
    public static Optional<SerialNo> parse(String raw) {
        return IdShape.matches(PREFIX, raw) ? Optional.of(new SerialNo(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
