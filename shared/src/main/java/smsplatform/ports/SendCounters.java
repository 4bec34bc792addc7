package smsplatform.ports;

import java.time.Instant;
import java.util.List;

/** Per-number send history of an account, admitting a send atomically against {@code SendLimits}. */
public interface SendCounters {

    /**
     * Records the send if {@code SendLimits} allow it and returns {@code SendLimits.OK}; otherwise
     * records nothing and returns the limit's code. Admitting the same serial number again (a retried
     * request) returns OK without counting it twice.
     */
    String admit(String accountId, String phoneNumber, String contentDigest, String serialNo, Instant now);

    /** One send of a request: the number (E.164) and the serial number it would get. */
    record Send(String phoneNumber, String serialNo) {}

    /**
     * {@link #admit} for every send of one request: repeats of a number in request order, distinct
     * numbers independently. Returns the codes in the order of {@code sends}.
     */
    List<String> admitAll(String accountId, List<Send> sends, String contentDigest, Instant now);
}
