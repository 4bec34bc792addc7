package smsplatform.ports;

import java.util.List;
import java.util.Optional;
import smsplatform.domain.SmsMessage;

public interface MessageStore {

    /**
     * Records new QUEUED messages and returns the serial numbers still QUEUED: the ones to hand to the
     * outbound queue. With {@code mayExist} (a request re-run under its Idempotency-Key after a crash)
     * a message already recorded is never overwritten, and one that already moved on is not queued
     * again; without it the serial numbers are new, and the messages are written in batches.
     */
    List<String> recordQueued(List<SmsMessage> messages, boolean mayExist);

    Optional<SmsMessage> find(String accountId, String serialNo);

    /**
     * Moves a message to {@code status} if it is currently in {@code expected}; false when it is not
     * (already moved by an earlier delivery of the same queue message).
     */
    boolean transition(String accountId, String serialNo, SmsMessage.Status expected,
                       SmsMessage.StatusChange change);

    /** Appends a note to the history without changing the status (e.g. a transient carrier refusal). */
    void note(String accountId, String serialNo, String detail);
}
