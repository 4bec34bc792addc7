package smsplatform.ports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountId;

/**
 * Per account and day (the UTC day the message was requested), how many messages were requested, sent,
 * delivered, undelivered and failed, and the fee (SMS parts) of those the carrier accepted. Counted by
 * whoever wins a message's conditional status change, so a duplicated event never counts twice.
 */
public interface Statistics {

    /** OPTED_OUT: numbers a MARKETING send skipped because they refused the account's marketing (never requested). */
    enum Counter { REQUESTED, SENT, DELIVERED, UNDELIVERED, FAILED, FEE, OPTED_OUT }

    record Day(LocalDate date, long requested, long sent, long delivered, long undelivered, long failed, long fee,
               long optedOut) {}

    /** The UTC day an instant falls on: the day a message or a send is counted under. */
    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Adds the increments to the account's counters of that day (atomic per call). */
    void add(AccountId accountId, LocalDate day, Map<Counter, Long> increments);

    /** Every day from {@code from} to {@code to} inclusive, oldest first; a day without messages is all zeros. */
    List<Day> read(AccountId accountId, LocalDate from, LocalDate to);
}
