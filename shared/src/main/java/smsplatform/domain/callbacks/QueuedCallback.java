package smsplatform.domain.callbacks;

import java.time.Instant;
import smsplatform.domain.CallbackEvent;

/**
 * An event on the callback queue with its delivery state: {@code attempts} made so far, when the first
 * was made (null before it), and the earliest time of the next one (null: at once).
 */
public record QueuedCallback(CallbackEvent event, int attempts, Instant firstAttemptAt, Instant notBefore) {

    public static QueuedCallback fresh(CallbackEvent event) {
        return new QueuedCallback(event, 0, null, null);
    }

    public QueuedCallback retry(Instant firstAttemptAt, Instant due) {
        return new QueuedCallback(event, attempts + 1, firstAttemptAt, due);
    }

    public QueuedCallback waitingFor(Instant due) {
        return new QueuedCallback(event, attempts, firstAttemptAt, due);
    }
}
