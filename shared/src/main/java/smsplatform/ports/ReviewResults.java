package smsplatform.ports;

import smsplatform.domain.ReviewResult;

/** Where review outcomes are announced (a queue declared in the template), for notifications. */
public interface ReviewResults {

    /** Publishing the same result twice must deliver it once (deduplicated by its id). */
    void publish(ReviewResult result);
}
