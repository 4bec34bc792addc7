package smsplatform.domain.callbacks;

import java.time.Instant;
import smsplatform.domain.CallbackEvent;

/**
 * An event given up on after the retry window, kept for {@code GET /v1/callbacks/failures}. Bounded: the
 * stored error is cut to {@link #MAX_ERROR} characters, and an event whose data is larger than
 * {@link #MAX_DATA_BYTES} keeps its id, type and time only ({@code dataOmitted}).
 */
public record CallbackFailure(CallbackEvent event, boolean dataOmitted, String url, int attempts,
                              Instant firstAttemptAt, Instant failedAt, String lastError) {

    public static final int MAX_ERROR = 300;
    public static final int MAX_DATA_BYTES = 16_000;

    public CallbackFailure {
        lastError = lastError == null ? "" : lastError.length() > MAX_ERROR ? lastError.substring(0, MAX_ERROR) : lastError;
    }
}
