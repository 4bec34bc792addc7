package smsplatform.ports;

import smsplatform.domain.AccountId;
import smsplatform.domain.Page;
import smsplatform.domain.SmsMessage;

/** An account's messages as its owner lists them (GET /v1/sms): by serial number, newest first. */
public interface SentMessages {

    /**
     * Serial numbers from {@code firstSerialNo} to {@code lastSerialNo} inclusive (a time range: serial numbers
     * sort by the millisecond they were made), and when not null one E.164 number and one status name.
     */
    record Filter(String firstSerialNo, String lastSerialNo, String phoneNumber, String status) {}

    /**
     * The account's messages the filter selects, newest first, after {@code afterSerialNo} (null: from the
     * newest), at most {@code limit}. A call reads a bounded number of messages, so a page may hold fewer than
     * {@code limit} and still go on. Positions ({@code nextToken}, {@code tokensAfter}) are serial numbers.
     */
    Page<SmsMessage> list(AccountId accountId, Filter filter, int limit, String afterSerialNo);
}
