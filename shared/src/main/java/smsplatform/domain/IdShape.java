package smsplatform.domain;

import java.util.regex.Pattern;

/**
 * The shape of the ids the product makes (see {@code smsplatform.support.Ids}): a prefix naming the kind, then 26
 * characters of lower-case Crockford base32 (no i, l, o or u), 10 of the millisecond and 16 of random or derived bits.
 */
final class IdShape {

    private static final Pattern TAIL = Pattern.compile("[0-9a-hjkmnp-tv-z]{26}");

    private IdShape() {}

    static boolean matches(String prefix, String value) {
        return value != null && value.startsWith(prefix) && TAIL.matcher(value.substring(prefix.length())).matches();
    }

    static String require(String prefix, String value, String what) {
        if (!matches(prefix, value)) {
            throw new IllegalArgumentException("Not a " + what + ": " + value);
        }
        return value;
    }
}
