package smsplatform.ports;

import smsplatform.service.ReviewMessage;

/** The review queue: the only way work reaches the review consumer. */
public interface ReviewQueue {
    void send(ReviewMessage message);
}
