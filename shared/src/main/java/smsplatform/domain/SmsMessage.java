package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/**
 * One SMS to one number, as recorded by SendSms (the template it was rendered from) and updated by delivery
 * and receipts: {@code carrierMessageId} is the id the carrier accepted it under (null until then), and
 * {@code receipt} the carrier's delivery receipt (null until one arrives).
 */
public record SmsMessage(
        AccountId accountId,
        SerialNo serialNo,
        String phoneNumber,
        String sign,
        TemplateId templateId,
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

    /** A change to {@code status}; {@code cause}: why, where the product reads it back (the detail says it to people). */
    public record StatusChange(Status status, Instant at, String detail, Cause cause) {
        public StatusChange(Status status, Instant at, String detail) {
            this(status, at, detail, null);
        }
    }

    /** The causes of a change that a later decision depends on; each opens the change's detail with its words. */
    public enum Cause {
        /** The carrier refused the hand-over for now: not handed over, and it may be again. */
        CARRIER_REFUSED_FOR_NOW("carrier refused for now: "),
        /** The sweeper queued the message again (re-queues are counted, and each waits longer). */
        REQUEUED_BY_SWEEPER("re-queued by the sweeper: ");

        private final String words;

        Cause(String words) {
            this.words = words;
        }

        public StatusChange change(Status status, Instant at, String detail) {
            return new StatusChange(status, at, words + detail, this);
        }

        /** The cause of a change stored before causes were: the opening words of its detail, or null. */
        public static Cause ofStoredDetail(String detail) {
            for (Cause cause : values()) {
                if (detail != null && detail.startsWith(cause.words)) {
                    return cause;
                }
            }
            return null;
        }
    }

    public SmsMessage {
        statusHistory = List.copyOf(statusHistory);
    }

    /** A message as SendSms records it: nothing from the carrier yet. */
    public SmsMessage(AccountId accountId, SerialNo serialNo, String phoneNumber, String sign, TemplateId templateId, String text,
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
