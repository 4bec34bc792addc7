package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/** One SMS to one number, as recorded by SendSms (the template it was rendered from) and updated by the delivery consumer. */
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
        Instant createdAt) {

    public enum Status { QUEUED, SENT, DELIVERED, FAILED }

    public record StatusChange(Status status, Instant at, String detail) {}

    public SmsMessage {
        statusHistory = List.copyOf(statusHistory);
    }

    /** The latest entry of the history: when the message last made progress, and how. */
    public StatusChange lastChange() {
        return statusHistory.get(statusHistory.size() - 1);
    }
}
