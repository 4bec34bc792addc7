package smsplatform.ports;


/** The review queue: the only way work reaches the review consumer. */
public interface ReviewQueue {
    void send(ReviewMessage message);
}
