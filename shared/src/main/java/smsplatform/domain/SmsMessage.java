package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/**
 * One SMS to one number, as recorded by SendSms (the template it was rendered from) and updated by delivery
 * and receipts: {@code carrierMessageId} is the id the carrier accepted it under (null until then), and
 * {@code receipt} the carrier's delivery receipt (null until one arrives).
 */
public record SmsMessage(
        String accountId,
        String serialNo,
        String phoneNumber,
        String sign,
        String templateId,
        String text,
        int fee,
        Status status,
        List<StatusChange> statusHistory,
        Instant createdAt,
        String carrierMessageId,
        Receipt receipt) {

    /**
     * DESIGN §11. QUEUED: recorded, in the outbound queue. SENT: handed to the carrier (accepted once
     * {@code carrierMessageId} is set). DELIVERED or UNDELIVERED: what the carrier's receipt says. FAILED: the
     * carrier never accepted it, or the hand-over was abandoned. The last three are final.
     */
    public enum Status {
        QUEUED, SENT, DELIVERED, UNDELIVERED, FAILED;

        public boolean isFinal() {
            return this != QUEUED && this != SENT;
        }
    }

    public record StatusChange(Status status, Instant at, String detail) {}

    public SmsMessage {
        statusHistory = List.copyOf(statusHistory);
    }

    /** A message as SendSms records it: nothing from the carrier yet. */
    public SmsMessage(String accountId, String serialNo, String phoneNumber, String sign, String templateId, String text,
                      int fee, Status status, List<StatusChange> statusHistory, Instant createdAt) {
        this(accountId, serialNo, phoneNumber, sign, templateId, text, fee, status, statusHistory, createdAt, null, null);
    }

    /** The latest entry of the history: when the message last made progress, and how. */
    public StatusChange lastChange() {
        return statusHistory.get(statusHistory.size() - 1);
    }

    /** This message as it stands after a change to {@code status}, with the carrier's id and receipt given (history as is). */
    public SmsMessage with(Status status, String carrierMessageId, Receipt receipt) {
        return new SmsMessage(accountId, serialNo, phoneNumber, sign, templateId, text, fee, status, statusHistory,
                createdAt, carrierMessageId, receipt);
    }

    /** Handed over and accepted by the carrier: from now on only a receipt (or the sweeper's bound) settles it. */
    public boolean acceptedByCarrier() {
        return carrierMessageId != null;
    }
}
