package smsplatform.domain;

import java.time.Duration;

/** Waits that double from {@code first} after each failed attempt, never longer than {@code cap}. */
public record ExponentialBackoff(Duration first, Duration cap) {

    /** The wait after failed attempt number {@code attempt} (1 for the first attempt). */
    public Duration after(int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
