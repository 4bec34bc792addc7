package smsplatform.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * Time-ordered identifiers: Crockford base32 of the millisecond, then 80 more bits. Random for an
 * ordinary request; derived from a seed for a request made under an Idempotency-Key, so that a retry
 * of an interrupted request creates the very same ids and its conditional writes converge.
 */
public final class Ids {

    /** Hands out the ids one request creates, in order. */
    public interface Source {
        String next(String prefix);

        /** True when these ids may have been handed out before: a request re-run under its Idempotency-Key. */
        default boolean repeatable() {
            return false;
        }
    }

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static Source random(Clock clock) {
        return prefix -> {
            byte[] tail = new byte[10];
            RANDOM.nextBytes(tail);
            return prefix + time(clock.millis()) + base32(tail);
        };
    }

    /** Ids from {@code seed} (itself an id): the same seed yields the same sequence. */
    public static Source seeded(String seed) {
        String time = seed.substring(seed.length() - 26, seed.length() - 16);
        int[] counter = {0};
        return new Source() {
            @Override
            public String next(String prefix) {
                byte[] digest = Digests.sha256((seed + "|" + prefix + "|" + counter[0]++).getBytes(StandardCharsets.UTF_8));
                return prefix + time + base32(Arrays.copyOf(digest, 10));
            }

            @Override
            public boolean repeatable() {
                return true;
            }
        };
    }

    /** Milliseconds since the epoch encoded in an id made here, or -1 if it is not one. */
    public static long millisOf(String id) {
        if (id.length() < 26) {
            return -1;
        }
        long millis = 0;
        for (char c : id.substring(id.length() - 26, id.length() - 16).toCharArray()) {
            int v = new String(ALPHABET).indexOf(c);
            if (v < 0) {
                return -1;
            }
            millis = (millis << 5) | v;
        }
        return millis;
    }

    /** The smallest id with {@code prefix} made at {@code millis}: ids sort by the time they were made. */
    public static String first(String prefix, long millis) {
        return prefix + time(millis) + "0".repeat(16);
    }

    /** The largest id with {@code prefix} made at {@code millis}. */
    public static String last(String prefix, long millis) {
        return prefix + time(millis) + "z".repeat(16);
    }

    private static String time(long millis) {
        StringBuilder b = new StringBuilder(10);
        for (int shift = 45; shift >= 0; shift -= 5) {
            b.append(ALPHABET[(int) ((millis >>> shift) & 31)]);
        }
        return b.toString();
    }

    private static String base32(byte[] tenBytes) {
        StringBuilder b = new StringBuilder(16);
        for (int half = 0; half < 2; half++) {
            long v = 0;
            for (int i = 0; i < 5; i++) {
                v = (v << 8) | (tenBytes[half * 5 + i] & 0xff);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                b.append(ALPHABET[(int) ((v >>> shift) & 31)]);
            }
        }
        return b.toString();
    }
}
