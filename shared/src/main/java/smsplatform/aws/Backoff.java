package smsplatform.aws;

import java.util.concurrent.ThreadLocalRandom;

/** The waits between attempts of the DynamoDB adapters. */
final class Backoff {

    private Backoff() {}

    /** Before retrying what DynamoDB left unprocessed (throttling): exponential, 20 ms to 1 s. */
    static void throttled(int attempt) {
        sleep(Math.min(1000, 10L << attempt));
    }

    /** Before retrying a conditional write another writer won: short and jittered, so contenders spread out. */
    static void contended(int attempt) {
        sleep(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 10) * 5));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
