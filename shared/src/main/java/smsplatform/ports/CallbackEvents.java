package smsplatform.ports;

import java.util.List;
import smsplatform.domain.CallbackEvent;

/**
 * Where producers (delivery, receipts, the sweeper, the dead-letter consumer, review results) hand
 * events for the customers' callbacks. Off the send's hot path; at least once: publishing the same
 * event twice is allowed (the receiver deduplicates by event id). Whether the account subscribed is
 * the dispatcher's concern, not the producer's.
 */
public interface CallbackEvents {

    void publish(List<CallbackEvent> events);

    /** For wirings whose function has no callback queue (tests, tools): drops every event. */
    CallbackEvents NONE = events -> {};
}
