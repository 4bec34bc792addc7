package smsplatform.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Per-number sending limits of one account (DESIGN §4): the same content to the same number at most
 * once in 30 s, at most 5 messages an hour and 10 a day, in sliding windows.
 */
public final class SendLimits {

    public static final Duration SAME_CONTENT_WINDOW = Duration.ofSeconds(30);
    public static final int PER_HOUR = 5;
    public static final int PER_DAY = 10;

    /** Whether another send to a number is allowed now, with the public code and message of each answer. */
    public enum Verdict {
        OK("Ok", "send success"),
        THIRTY_SECONDS("LimitExceeded.PhoneNumberThirtySecondLimit",
                "The same content was sent to this number less than 30 seconds ago"),
        ONE_HOUR("LimitExceeded.PhoneNumberOneHourLimit",
                "This number already received " + PER_HOUR + " messages in the last hour"),
        DAILY("LimitExceeded.PhoneNumberDailyLimit",
                "This number already received " + PER_DAY + " messages in the last 24 hours");

        private final String code;
        private final String message;

        Verdict(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    /** One accepted send to a number: when, a digest of its content, and its serial number. */
    public record Sent(Instant at, String contentDigest, SerialNo serialNo) {}

    private SendLimits() {}

    /** OK, or the first limit another send now would break. */
    public static Verdict check(List<Sent> history, String contentDigest, Instant now) {
        long lastHour = history.stream().filter(s -> s.at().isAfter(now.minus(Duration.ofHours(1)))).count();
        long lastDay = history.stream().filter(s -> s.at().isAfter(now.minus(Duration.ofDays(1)))).count();
        boolean sameContent = history.stream().anyMatch(s -> s.contentDigest().equals(contentDigest)
                && s.at().isAfter(now.minus(SAME_CONTENT_WINDOW)));
        if (sameContent) return Verdict.THIRTY_SECONDS;
        if (lastHour >= PER_HOUR) return Verdict.ONE_HOUR;
        if (lastDay >= PER_DAY) return Verdict.DAILY;
        return Verdict.OK;
    }
}
