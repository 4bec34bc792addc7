package smsplatform.ports;

import java.time.Instant;
import java.util.List;
import smsplatform.domain.AccountId;
import smsplatform.domain.SendLimits;
import smsplatform.domain.SerialNo;

/** Per-number send history of an account, admitting a send atomically against {@code SendLimits}. */
public interface SendCounters {

    /** One send of a request: the number (E.164) and the serial number it would get. */
    record Send(String phoneNumber, SerialNo serialNo) {}

    /**
     * Admits every send of one request: repeats of a number in request order, distinct numbers
     * independently. A send is recorded if {@code SendLimits} allow it (its verdict is OK);
     * otherwise nothing is recorded and its verdict is the limit's. Admitting the same serial number again
     * (a retried request) is OK without counting it twice. Returns the verdicts in the order of {@code sends}.
     */
    List<SendLimits.Verdict> admitAll(AccountId accountId, List<Send> sends, String contentDigest, Instant now);
}
