package smsplatform.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.PhoneNumber;
import smsplatform.domain.PhoneNumberPlan;
import smsplatform.domain.Reply;
import smsplatform.domain.SmsMessage;
import smsplatform.ports.Replies;
import smsplatform.ports.SentMessages;
import smsplatform.ports.Statistics;
import smsplatform.support.Ids;

/**
 * The pulls of DESIGN §11: the caller's messages over a time range ({@code GET /v1/sms}) and its daily
 * statistics ({@code GET /v1/statistics}). Query values arrive as the client wrote them and are checked here.
 */
public final class PullService {

    public static final Duration MAX_RANGE = Duration.ofDays(7);
    static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    public static final int MAX_DAYS = 31;
    static final int DEFAULT_DAYS = 7;
    /** Every status a message can have (DESIGN §4), as the filter accepts them. */
    public static final Set<String> STATUSES = Set.of("QUEUED", "SENT", "DELIVERED", "UNDELIVERED", "FAILED");

    static final String FORMAT = "InvalidParameterValue.TimeFormat";
    static final String REVERSED = "InvalidParameterValue.TimeRangeReversed";
    static final String TOO_LONG = "InvalidParameterValue.TimeRangeTooLong";
    static final String SMS_LISTING = "sms";
    static final String REPLIES_LISTING = "replies";
    private static final Pattern SERIAL_NO = Pattern.compile("sms-[0-9a-z]{26}");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** {@code GET /v1/sms} as the client wrote it; null or empty for a parameter not given. */
    public record MessageQuery(String phoneNumber, String from, String to, String status, int limit, String nextToken) {}

    private final SentMessages messages;
    private final Statistics statistics;
    private final Replies replies;
    private final PhoneNumberPlan plan;
    private final Clock clock;

    public PullService(SentMessages messages, Statistics statistics, Replies replies, PhoneNumberPlan plan, Clock clock) {
        this.messages = messages;
        this.statistics = statistics;
        this.replies = replies;
        this.plan = plan;
        this.clock = clock;
    }

    /**
     * One page of the caller's messages, newest first. {@code to} defaults to now and {@code from} to 24 hours
     * before {@code to}; a range is at most 7 days. A nextToken carries the range its first page resolved (so
     * a default {@code to} does not move between pages) and is bound to the filters the client gave.
     */
    public Page<SmsMessage> messages(Caller caller, MessageQuery query) {
        String phoneNumber = phoneNumber(plan, query.phoneNumber());
        String status = status(query.status());
        Instant from = instant("from", query.from());
        Instant to = instant("to", query.to());
        String listing = SMS_LISTING + "?from=" + millis(from) + "&to=" + millis(to) + "&phoneNumber="
                + (phoneNumber == null ? "" : phoneNumber) + "&status=" + (status == null ? "" : status);
        Positioned at = positioned(listing, caller, from, to, query.nextToken());
        if (at.after() != null && (!SERIAL_NO.matcher(at.after()).matches()
                || at.after().compareTo(at.range().first()) < 0 || at.after().compareTo(at.range().last()) > 0)) {
            throw PageTokens.invalid();
        }
        Range range = at.range();
        Page<SmsMessage> page = messages.list(caller.accountId(),
                new SentMessages.Filter(range.first(), range.last(), phoneNumber, status), query.limit(), at.after());
        return page.map(m -> m, serialNo -> at.token(listing, caller, serialNo));
    }

    /**
     * One page of the replies the caller's messages received ({@code GET /v1/replies}), newest first, over a range
     * resolved as for messages (default the last 24 hours, at most 7 days).
     */
    public Page<Reply> replies(Caller caller, String from, String to, int limit, String nextToken) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        String listing = REPLIES_LISTING + "?from=" + millis(start) + "&to=" + millis(end);
        Positioned at = positioned(listing, caller, start, end, nextToken);
        return replies.list(caller.accountId(), at.range().from(), at.range().to(), limit, at.after())
                .map(r -> r, position -> at.token(listing, caller, position));
    }

    /** Where a page starts: the range (resolved on the first page, then carried by the token) and the position after. */
    private record Positioned(Range range, String after) {
        String token(String listing, Caller caller, String position) {
            return PageTokens.bind(listing, caller.accountId(),
                    range.from().toEpochMilli() + ":" + range.to().toEpochMilli() + ":" + position);
        }
    }

    private Positioned positioned(String listing, Caller caller, Instant from, Instant to, String nextToken) {
        String position = PageTokens.open(listing, caller.accountId(), blankToNull(nextToken));
        if (position == null) {
            Instant end = to == null ? clock.instant() : to;
            Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
            return new Positioned(Range.checked(start.isBefore(Instant.EPOCH) ? Instant.EPOCH : start, end), null);
        }
        String[] parts = position.split(":", 3);
        Range range = parts.length == 3 ? Range.fromToken(parts[0], parts[1]) : null;
        if (range == null || parts[2].isEmpty()) {
            throw PageTokens.invalid();
        }
        return new Positioned(range, parts[2]);
    }

    /**
     * Every UTC day from {@code from} to {@code to} (YYYY-MM-DD), oldest first, at most 31. {@code to}
     * defaults to today, {@code from} to 6 days before {@code to} (a week).
     */
    public List<Statistics.Day> statistics(Caller caller, String from, String to) {
        LocalDate last = date("to", to);
        LocalDate end = last == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : last;
        LocalDate first = date("from", from);
        LocalDate start = first == null ? end.minusDays(DEFAULT_DAYS - 1) : first;
        if (start.isAfter(end)) {
            throw Failure.invalid(REVERSED, "from (" + start + ") is after to (" + end + ")", "from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw Failure.invalid(TOO_LONG, "A range holds at most " + MAX_DAYS + " days", "from");
        }
        return statistics.read(caller.accountId(), start, end);
    }

    /** From and to instants, and the serial numbers of their milliseconds. */
    private record Range(Instant from, Instant to) {
        static Range checked(Instant from, Instant to) {
            if (from.isAfter(to)) {
                throw Failure.invalid(REVERSED, "from (" + from + ") is after to (" + to + ")", "from");
            }
            if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
                throw Failure.invalid(TOO_LONG, "A range is at most 7 days (from " + from + " to " + to + ")", "from");
            }
            return new Range(from, to);
        }

        /** The range a token holds, or null when it is not one this service wrote. */
        static Range fromToken(String from, String to) {
            try {
                Range range = checked(Instant.ofEpochMilli(Long.parseLong(from)), Instant.ofEpochMilli(Long.parseLong(to)));
                return range.from().isBefore(Instant.EPOCH) || range.to().isAfter(LATEST) ? null : range;
            } catch (NumberFormatException | Failure notOurs) {
                return null;
            }
        }

        String first() {
            return Ids.first("sms-", from.toEpochMilli());
        }

        String last() {
            return Ids.last("sms-", to.toEpochMilli());
        }
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    /** An ISO-8601 instant with Z or an offset; a '+' the client did not percent-encode arrives as a space. */
    private static Instant instant(String field, String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value.replace(' ', '+'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
            if (!instant.isBefore(Instant.EPOCH) && !instant.isAfter(LATEST)) {
                return instant;
            }
        } catch (DateTimeException malformed) {
            // answered below
        }
        throw Failure.invalid(FORMAT, field + " must be an ISO-8601 instant from 1970 to 9999 with Z or an offset,"
                + " e.g. 2026-11-30T08:00:00Z or 2026-11-30T16:00:00+08:00", field);
    }

    private static LocalDate date(String field, String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            if (date.getYear() >= 1970 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeException malformed) {
            // answered below
        }
        throw Failure.invalid(FORMAT, field + " must be a UTC day YYYY-MM-DD from 1970 to 9999", field);
    }

    /** Any form SendSms accepts, matched in E.164; a leading '+' the client did not percent-encode arrives as a space. */
    static String phoneNumber(PhoneNumberPlan plan, String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        String written = value.startsWith(" ") ? "+" + value.substring(1) : value;
        return plan.parse(written).map(PhoneNumber::e164).orElseThrow(() -> Failure.invalid(
                "InvalidParameterValue.IncorrectPhoneNumber", "The phone number is not valid", "phoneNumber"));
    }

    private static String status(String raw) {
        String value = blankToNull(raw);
        if (value != null && !STATUSES.contains(value)) {
            throw Failure.invalidField("status", "status must be one of QUEUED, SENT, DELIVERED, UNDELIVERED, FAILED");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
