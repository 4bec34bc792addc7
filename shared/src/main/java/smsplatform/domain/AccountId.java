package smsplatform.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** A customer account, as the JWT's account claim names it: 1 to 64 letters, digits, '_' or '-'. */
public record AccountId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public AccountId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not an account id: " + value);
        }
    }

    public static boolean isValid(String raw) {
        return raw != null && SHAPE.matcher(raw).matches();
    }

    /** The account {@code raw} names, or empty when it is not an account id. */
    public static Optional<AccountId> parse(String raw) {
        try {
            return Optional.of(new AccountId(raw)); // the shape checked once, by the constructor
        } catch (IllegalArgumentException notAnAccount) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
