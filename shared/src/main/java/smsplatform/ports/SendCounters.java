package smsplatform.ports;

import java.time.Instant;

/** Per-number send history of an account, admitting a send atomically against {@code SendLimits}. */
public interface SendCounters {

    /**
     * Records the send if {@code SendLimits} allow it and returns {@code SendLimits.OK}; otherwise
     * records nothing and returns the limit's code. Admitting the same serial number again (a retried
     * request) returns OK without counting it twice.
     */
    String admit(String accountId, String phoneNumber, String contentDigest, String serialNo, Instant now);
}
