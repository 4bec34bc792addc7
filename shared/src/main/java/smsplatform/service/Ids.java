package smsplatform.service;

import java.security.SecureRandom;
import java.time.Instant;

/** Time-ordered identifiers (Crockford base32 of the millisecond, then 80 random bits). */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix, Instant now) {
        StringBuilder b = new StringBuilder(prefix.length() + 26).append(prefix);
        long millis = now.toEpochMilli();
        for (int shift = 45; shift >= 0; shift -= 5) {
            b.append(ALPHABET[(int) ((millis >>> shift) & 31)]);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long hi = 0;
        for (int i = 0; i < 5; i++) hi = (hi << 8) | (random[i] & 0xff);
        long lo = 0;
        for (int i = 5; i < 10; i++) lo = (lo << 8) | (random[i] & 0xff);
        for (int shift = 35; shift >= 0; shift -= 5) b.append(ALPHABET[(int) ((hi >>> shift) & 31)]);
        for (int shift = 35; shift >= 0; shift -= 5) b.append(ALPHABET[(int) ((lo >>> shift) & 31)]);
        return b.toString();
    }
}
