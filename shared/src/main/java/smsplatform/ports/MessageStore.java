package smsplatform.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.Receipt;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage;

public interface MessageStore {

    /** Which message: its account and serial number. */
    record Ref(AccountId accountId, SerialNo serialNo) {}

    /**
     * Records new QUEUED messages and returns the serial numbers still QUEUED: the ones to hand to the
     * outbound queue. With {@code mayExist} (a request re-run under its Idempotency-Key after a crash)
     * a message already recorded is never overwritten, and one that already moved on is not queued
     * again; without it the serial numbers are new, and the messages are written in batches.
     */
    List<SerialNo> recordQueued(List<SmsMessage> messages, boolean mayExist);

    Optional<SmsMessage> find(AccountId accountId, SerialNo serialNo);

    /**
     * Moves a message to {@code status} if it is currently in {@code expected}; false when it is not
     * (already moved by an earlier delivery of the same queue message).
     */
    boolean transition(AccountId accountId, SerialNo serialNo, SmsMessage.Status expected,
                       SmsMessage.StatusChange change);

    /** Appends a note to the history without changing the status (e.g. a transient carrier refusal). */
    void note(AccountId accountId, SerialNo serialNo, SmsMessage.Cause cause, String detail);

    /**
     * Messages in {@code status} (QUEUED or SENT: not settled) whose last change is at or before
     * {@code lastChangeBefore}, oldest first, at most about {@code limit}. Read from an index that may lag
     * behind the messages: re-read a message before acting on it.
     */
    List<Ref> pending(SmsMessage.Status status, Instant lastChangeBefore, int limit);

    /**
     * Like {@link #transition}, only if the message is still as {@code seen} shows it: same status and no
     * change since. False when it moved on or made progress meanwhile.
     */
    boolean transitionIfUnchanged(SmsMessage seen, SmsMessage.StatusChange change);

    /**
     * Records that the carrier accepted a SENT message under {@code carrierMessageId}, once: true the first time,
     * false when it was recorded before (a redelivered queue message) or the message is no longer SENT. From then
     * on the message awaits its receipt ({@link #awaitingReceipt}).
     */
    boolean recordAcceptance(AccountId accountId, SerialNo serialNo, String carrierMessageId, SmsMessage.StatusChange change);

    /** Moves a SENT message to the receipt's status and keeps the receipt; false when it is no longer SENT. */
    boolean applyReceipt(AccountId accountId, SerialNo serialNo, SmsMessage.StatusChange change, Receipt receipt);

    /** Messages accepted by the carrier at or before {@code acceptedBefore} and still without a receipt, oldest first. */
    List<Ref> awaitingReceipt(Instant acceptedBefore, int limit);

    /**
     * Messages that reached a final status at or before {@code settledBefore} and whose MESSAGE_STATUS event is not
     * known to be published: every change to a final status marks the message so, in the same write.
     */
    List<Ref> unannounced(Instant settledBefore, int limit);

    /** Its final status's event is published: no longer {@link #unannounced}. */
    void announced(AccountId accountId, SerialNo serialNo);
}
