package smsplatform.ports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Per account and day (the UTC day the message was requested), how many messages were requested, sent,
 * delivered, undelivered and failed, and the fee (SMS parts) of those the carrier accepted. Counted by
 * whoever wins a message's conditional status change, so a duplicated event never counts twice.
 */
public interface Statistics {

    enum Counter { REQUESTED, SENT, DELIVERED, UNDELIVERED, FAILED, FEE }

    record Day(LocalDate date, long requested, long sent, long delivered, long undelivered, long failed, long fee) {}

    /** Adds the increments to the account's counters of that day (atomic per call). */
    void add(String accountId, LocalDate day, Map<Counter, Long> increments);

    /** Every day from {@code from} to {@code to} inclusive, oldest first; a day without messages is all zeros. */
    List<Day> read(String accountId, LocalDate from, LocalDate to);
}
