package smsplatform.local;

import java.util.Random;

/**
 * A property over random values drawn from one seed, for the end-to-end properties: their values have nothing to
 * shrink, so a plain seeded loop does what a property engine would, and the class runs in Jupiter beside the other
 * classes instead of alone before them (jqwik's engine runs before Jupiter's). A failure names its try and its seed,
 * and {@code -D<seedProperty>=<seed>} replays the same values.
 */
final class SeededTries {

    /** One try: draws its values from {@code random}, then checks them. */
    interface Try {
        void run(Random random) throws Exception;
    }

    private SeededTries() {}

    static void run(String seedProperty, int tries, Try each) throws Exception {
        long seed = Long.getLong(seedProperty, new Random().nextLong());
        Random random = new Random(seed);
        for (int i = 1; i <= tries; i++) {
            try {
                each.run(random);
            } catch (AssertionError failure) {
                throw new AssertionError("try " + i + " of seed " + seed + " (-D" + seedProperty + "=" + seed
                        + " replays it): " + failure.getMessage(), failure);
            }
        }
    }
}
