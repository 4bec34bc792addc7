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

    public static final String OK = "Ok";
    public static final String THIRTY_SECONDS = "LimitExceeded.PhoneNumberThirtySecondLimit";
    public static final String ONE_HOUR = "LimitExceeded.PhoneNumberOneHourLimit";
    public static final String DAILY = "LimitExceeded.PhoneNumberDailyLimit";

    /** One accepted send to a number: when, a digest of its content, and its serial number. */
    public record Sent(Instant at, String contentDigest, String serialNo) {}

    private SendLimits() {}

    /** {@link #OK} or the code of the first limit another send now would break. */
    public static String check(List<Sent> history, String contentDigest, Instant now) {
        long lastHour = history.stream().filter(s -> s.at().isAfter(now.minus(Duration.ofHours(1)))).count();
        long lastDay = history.stream().filter(s -> s.at().isAfter(now.minus(Duration.ofDays(1)))).count();
        boolean sameContent = history.stream().anyMatch(s -> s.contentDigest().equals(contentDigest)
                && s.at().isAfter(now.minus(SAME_CONTENT_WINDOW)));
        if (sameContent) return THIRTY_SECONDS;
        if (lastHour >= PER_HOUR) return ONE_HOUR;
        if (lastDay >= PER_DAY) return DAILY;
        return OK;
    }

    public static String message(String code) {
        return switch (code) {
            case OK -> "send success";
            case THIRTY_SECONDS -> "The same content was sent to this number less than 30 seconds ago";
            case ONE_HOUR -> "This number already received " + PER_HOUR + " messages in the last hour";
            case DAILY -> "This number already received " + PER_DAY + " messages in the last 24 hours";
            default -> code;
        };
    }
}
