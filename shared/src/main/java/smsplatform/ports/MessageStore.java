package smsplatform.ports;

import java.util.List;
import java.util.Optional;
import smsplatform.domain.SmsMessage;

public interface MessageStore {

    /** Records new QUEUED messages (in as few round trips as the store allows). */
    void recordQueued(List<SmsMessage> messages);

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
