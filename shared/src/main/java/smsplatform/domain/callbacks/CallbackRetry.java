package smsplatform.domain.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import smsplatform.domain.ExponentialBackoff;

/**
 * When a failed delivery is tried again: exponential backoff (2 s, 4 s, 8 s… up to an hour between
 * attempts) for a window measured from the first attempt (24 h in production); past it, the event is
 * given up on and kept as a failure. SQS delays a message 900 s at most, so an attempt due later is
 * queued for 900 s and queued again until it is due.
 */
public record CallbackRetry(Duration window) {

    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** SQS's longest DelaySeconds. */
    public static final Duration MAX_QUEUE_DELAY = Duration.ofSeconds(900);

    private static final ExponentialBackoff BACKOFF = new ExponentialBackoff(FIRST_BACKOFF, MAX_BACKOFF);

    /** The wait after failed attempt number {@code attempt} (1 for the first attempt). */
    public static Duration backoff(int attempt) {
        return BACKOFF.after(attempt);
    }

    /** When the next attempt is due after failed attempt {@code attempt}, or empty once past the window. */
    public Optional<Instant> next(Instant firstAttemptAt, int attempt, Instant now) {
        Instant due = now.plus(backoff(attempt));
        return due.isAfter(firstAttemptAt.plus(window)) ? Optional.empty() : Optional.of(due);
    }

    /** The queue delay to wait for {@code due}: at most {@link #MAX_QUEUE_DELAY}, never negative. */
    public static int delaySeconds(Instant due, Instant now) {
        long seconds = Duration.between(now, due).toSeconds();
        if (Duration.between(now, due).toMillis() % 1000 > 0) {
            seconds++;
        }
        return (int) Math.max(0, Math.min(MAX_QUEUE_DELAY.toSeconds(), seconds));
    }
}
