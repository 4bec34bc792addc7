package smsplatform.ports;

import java.time.Instant;
import smsplatform.domain.AccountId;

/**
 * Idempotency records: the first request under a key runs; the same key and body within 24 h
 * returns the first response; another body under the same key is refused.
 */
public interface IdempotencyStore {

    /** What to do with a request: run it with this id seed, or answer with the stored response. */
    sealed interface Begin permits Run, Replay {}

    /** Run the request; ids derive from {@code seed}, the same seed as any interrupted earlier attempt. */
    record Run(String seed) implements Begin {}

    record Replay(int status, String body) implements Begin {}

    /** Throws a Failure for a key reused with another body, or a key whose first request is still running. */
    Begin begin(AccountId accountId, String key, String requestHash, String newSeed, Instant now);

    void complete(AccountId accountId, String key, int status, String body, Instant now);

    /** The attempt failed on our side: let a retry run again at once (with the same seed). */
    void release(AccountId accountId, String key);
}
