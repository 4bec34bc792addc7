package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.Reply;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TestIds;
import smsplatform.phone.LibPhoneNumberPlan;
import smsplatform.ports.Statistics.Counter;
import smsplatform.ports.Statistics;
import smsplatform.support.Ids;

/** The pulls on in-memory ports: time ranges, filters, pages and tokens, daily statistics. */
class PullServiceTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    /** A clock the test moves on. */
    static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final InMemorySentMessages store = new InMemorySentMessages();
    final InMemoryStatistics statistics = new InMemoryStatistics();
    final MovingClock clock = new MovingClock();
    final InMemoryReplies replies = new InMemoryReplies();
    final PullService pulls = new PullService(store, statistics, replies, new LibPhoneNumberPlan(), clock);
    final Caller acme = new Caller(new AccountId("acme"), AccountType.ENTERPRISE, "user-acme", Set.of("sms/send"));
    final Caller other = new Caller(new AccountId("other"), AccountType.ENTERPRISE, "user-other", Set.of("sms/send"));

    SmsMessage sent(AccountId account, Instant at, String phoneNumber, SmsMessage.Status status) {
        SerialNo serialNo = new SerialNo(Ids.random(Clock.fixed(at, ZoneOffset.UTC)).next(SerialNo.PREFIX));
        SmsMessage m = new SmsMessage(account, serialNo, phoneNumber, "Acme", TestIds.template("1"), "【Acme】Your code is 4242.", 1,
                status, List.of(new SmsMessage.StatusChange(status, at, null)), at);
        store.add(m);
        return m;
    }

    SmsMessage sent(Instant at) {
        return sent(new AccountId("acme"), at, "+8613800138000", SmsMessage.Status.DELIVERED);
    }

    static PullService.MessageQuery query(String phoneNumber, String from, String to, String status) {
        return new PullService.MessageQuery(phoneNumber, from, to, status, 20, null);
    }

    List<SerialNo> serials(Caller caller, PullService.MessageQuery query) {
        return pulls.messages(caller, query).items().stream().map(SmsMessage::serialNo).toList();
    }

    static void refused(Executable call, String code, String field) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.field()).isEqualTo(field);
            assertThat(f.category()).isEqualTo(Failure.Category.INVALID);
        });
    }

    @Test
    void byDefaultTheCallersMessagesOfTheLast24HoursComeNewestFirst() {
        SmsMessage older = sent(NOW.minus(Duration.ofHours(2)));
        SmsMessage newer = sent(NOW.minus(Duration.ofHours(1)));
        sent(NOW.minus(Duration.ofHours(25)));
        sent(new AccountId("other"), NOW.minus(Duration.ofMinutes(30)), "+8613800138000", SmsMessage.Status.DELIVERED);

        assertThat(serials(acme, query(null, null, null, null))).containsExactly(newer.serialNo(), older.serialNo());
        assertThat(serials(other, query(null, null, null, null))).hasSize(1)
                .doesNotContain(newer.serialNo(), older.serialNo());
    }

    @Test
    void fromAndToBoundTheRangeToTheMillisecondInUtcOrWithAnOffset() {
        SmsMessage atNine = sent(Instant.parse("2026-11-29T09:00:00Z"));
        SmsMessage justAfter = sent(Instant.parse("2026-11-29T09:00:00.001Z"));
        sent(Instant.parse("2026-11-29T08:59:59.999Z"));

        assertThat(serials(acme, query(null, "2026-11-29T17:00:00+08:00", "2026-11-29T09:00:00.001Z", null)))
                .containsExactly(justAfter.serialNo(), atNine.serialNo());
        assertThat(serials(acme, query(null, "2026-11-29T09:00:00Z", "2026-11-29T09:00:00Z", null)))
                .containsExactly(atNine.serialNo());
        assertThat(serials(acme, query(null, null, "2026-11-29T09:00:00 00:00", null)))
                .as("an unencoded '+' arrives as a space").hasSize(2);
    }

    @Test
    void aPhoneNumberInAnyWrittenFormMatchesTheMessagesE164Number() {
        SmsMessage mine = sent(NOW.minusSeconds(60));
        sent(new AccountId("acme"), NOW.minusSeconds(30), "+8613900139000", SmsMessage.Status.DELIVERED);
        for (String written : List.of("13800138000", "+8613800138000", "008613800138000", "8613800138000",
                " 8613800138000")) {
            assertThat(serials(acme, query(written, null, null, null))).as(written).containsExactly(mine.serialNo());
        }
        SmsMessage abroad = sent(new AccountId("acme"), NOW.minusSeconds(10), "+14155550123", SmsMessage.Status.SENT);
        assertThat(serials(acme, query(" 14155550123", null, null, null))).containsExactly(abroad.serialNo());
        refused(() -> pulls.messages(acme, query("12345", null, null, null)),
                "InvalidParameterValue.IncorrectPhoneNumber", "phoneNumber");
    }

    @Test
    void theStatusFilterTakesTheFiveStatusNamesExactly() {
        SmsMessage failed = sent(new AccountId("acme"), NOW.minusSeconds(60), "+8613800138000", SmsMessage.Status.FAILED);
        sent(NOW.minusSeconds(30));
        assertThat(serials(acme, query(null, null, null, "FAILED"))).containsExactly(failed.serialNo());
        assertThat(serials(acme, query(null, null, null, "UNDELIVERED"))).isEmpty();
        for (String bad : List.of("failed", "PENDING", "FAILED,SENT")) {
            refused(() -> pulls.messages(acme, query(null, null, null, bad)), "InvalidParameterValue", "status");
        }
        assertThat(PullService.STATUSES).as("every status a message has")
                .containsAll(Arrays.stream(SmsMessage.Status.values()).map(Enum::name).toList());
    }

    @Test
    void aRangeOverSevenDaysFromAfterToOrAMalformedInstantIsRefusedWithItsCode() {
        assertThat(serials(acme, query(null, "2026-11-23T10:00:00Z", null, null))).as("exactly 7 days").isEmpty();
        refused(() -> pulls.messages(acme, query(null, "2026-11-23T09:59:59.999Z", null, null)),
                "InvalidParameterValue.TimeRangeTooLong", "from");
        refused(() -> pulls.messages(acme, query(null, "2026-11-01T00:00:00Z", "2026-11-09T00:00:00Z", null)),
                "InvalidParameterValue.TimeRangeTooLong", "from");
        refused(() -> pulls.messages(acme, query(null, "2026-11-30T10:00:00.001Z", null, null)),
                "InvalidParameterValue.TimeRangeReversed", "from");
        refused(() -> pulls.messages(acme, query(null, "2026-11-30T10:00:00Z", "2026-11-30T09:00:00Z", null)),
                "InvalidParameterValue.TimeRangeReversed", "from");
        for (String bad : List.of("2026-11-30", "2026-11-30T10:00:00", "yesterday", "1700000000",
                "2026-13-01T00:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            refused(() -> pulls.messages(acme, query(null, bad, null, null)), "InvalidParameterValue.TimeFormat", "from");
            refused(() -> pulls.messages(acme, query(null, null, bad, null)), "InvalidParameterValue.TimeFormat", "to");
        }
        assertThat(serials(acme, query(null, null, "1970-01-01T00:00:00Z", null))).as("from clamped to 1970").isEmpty();
    }

    @Test
    void pagesCoverEveryMessageOnceNewestFirstEvenWhenTheFilterLeavesAPageShort() {
        List<SerialNo> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            SmsMessage m = sent(new AccountId("acme"), NOW.minusSeconds(1000 - i), i % 3 == 0 ? "+8613800138000" : "+8613900139000",
                    SmsMessage.Status.DELIVERED);
            if (i % 3 == 0) {
                expected.add(0, m.serialNo());
            }
        }
        List<SerialNo> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            Page<SmsMessage> page = pulls.messages(acme,
                    new PullService.MessageQuery("13800138000", null, null, null, 4, token));
            page.items().forEach(m -> seen.add(m.serialNo()));
            sizes.add(page.items().size());
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(sizes).as("a page reads a bounded number of messages").contains(3).allMatch(s -> s <= 4);
    }

    @Test
    void aTokenKeepsTheRangeOfItsFirstPageWhileNowMovesOn() {
        SmsMessage oldest = sent(NOW.minus(Duration.ofHours(23)));
        SmsMessage newest = sent(NOW.minus(Duration.ofHours(1)));
        Page<SmsMessage> first = pulls.messages(acme, new PullService.MessageQuery(null, null, null, null, 1, null));
        assertThat(first.items()).extracting(SmsMessage::serialNo).containsExactly(newest.serialNo());

        clock.now = NOW.plus(Duration.ofHours(2));
        sent(clock.now.minusSeconds(1));
        Page<SmsMessage> second = pulls.messages(acme,
                new PullService.MessageQuery(null, null, null, null, 1, first.nextToken()));
        assertThat(second.items()).extracting(SmsMessage::serialNo).containsExactly(oldest.serialNo());
    }

    @Test
    void aTokenServesOnlyItsAccountAndTheFiltersItWasHandedOutFor() {
        for (int i = 0; i < 3; i++) {
            sent(NOW.minusSeconds(60 + i));
        }
        String token = pulls.messages(acme, new PullService.MessageQuery(null, null, null, "DELIVERED", 1, null)).nextToken();
        assertThat(token).isNotNull();
        assertThat(pulls.messages(acme, new PullService.MessageQuery(null, null, null, "DELIVERED", 1, token)).items())
                .hasSize(1);
        List<Executable> misuses = List.of(
                () -> pulls.messages(other, new PullService.MessageQuery(null, null, null, "DELIVERED", 1, token)),
                () -> pulls.messages(acme, new PullService.MessageQuery(null, null, null, "FAILED", 1, token)),
                () -> pulls.messages(acme, new PullService.MessageQuery(null, null, null, null, 1, token)),
                () -> pulls.messages(acme, new PullService.MessageQuery("13800138000", null, null, "DELIVERED", 1, token)),
                () -> pulls.messages(acme, new PullService.MessageQuery(null, null, null, "DELIVERED", 1, "eyJ9")),
                () -> pulls.messages(acme, new PullService.MessageQuery(null, null, null, null, 1,
                        PageTokens.bind(PageTokens.SIGNATURES, new AccountId("acme"), "U0lHTkFUVVJFI3NpZy0x"))));
        for (Executable misuse : misuses) {
            refused(misuse, "InvalidParameterValue", "nextToken");
        }
    }

    @Test
    void aForgedTokenWithARangeOverSevenDaysOrAPositionOutsideItsRangeIsRefused() {
        String listing = "sms?from=&to=&phoneNumber=&status=";
        long to = NOW.toEpochMilli();
        long from = NOW.minus(Duration.ofDays(8)).toEpochMilli();
        String inside = Ids.random(Clock.fixed(NOW.minusSeconds(5), ZoneOffset.UTC)).next("sms-");
        String outside = Ids.random(Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC)).next("sms-");
        long dayBefore = NOW.minus(Duration.ofDays(1)).toEpochMilli();
        assertThat(pulls.messages(acme, new PullService.MessageQuery(null, null, null, null, 1,
                PageTokens.bind(listing, new AccountId("acme"), dayBefore + ":" + to + ":" + inside))).items()).isEmpty();
        for (String position : List.of(from + ":" + to + ":" + inside, dayBefore + ":" + to + ":" + outside,
                to + ":" + dayBefore + ":" + inside, dayBefore + ":" + to + ":sms-x", "-5:" + to + ":" + inside,
                dayBefore + ":" + to)) {
            refused(() -> pulls.messages(acme, new PullService.MessageQuery(null, null, null, null, 1,
                    PageTokens.bind(listing, new AccountId("acme"), position))), "InvalidParameterValue", "nextToken");
        }
    }

    @Test
    void statisticsListEveryUtcDayOldestFirstWithZerosForADayWithoutMessages() {
        statistics.add(new AccountId("acme"), LocalDate.parse("2026-11-28"), Map.of(Counter.REQUESTED, 3L, Counter.SENT, 2L, Counter.FEE, 4L));
        statistics.add(new AccountId("acme"), LocalDate.parse("2026-11-28"), Map.of(Counter.DELIVERED, 1L, Counter.UNDELIVERED, 1L));
        statistics.add(new AccountId("other"), LocalDate.parse("2026-11-28"), Map.of(Counter.REQUESTED, 50L));

        List<Statistics.Day> days = pulls.statistics(acme, "2026-11-27", "2026-11-29");
        assertThat(days).containsExactly(
                new Statistics.Day(LocalDate.parse("2026-11-27"), 0, 0, 0, 0, 0, 0, 0),
                new Statistics.Day(LocalDate.parse("2026-11-28"), 3, 2, 1, 1, 0, 4, 0),
                new Statistics.Day(LocalDate.parse("2026-11-29"), 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void statisticsDefaultToTheWeekEndingTodayAndHoldAtMost31Days() {
        assertThat(pulls.statistics(acme, null, null)).extracting(d -> d.date().toString())
                .containsExactly("2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29",
                        "2026-11-30");
        assertThat(pulls.statistics(acme, null, "2026-11-01")).first().extracting(d -> d.date().toString())
                .isEqualTo("2026-10-26");
        assertThat(pulls.statistics(acme, "2026-11-20", "")).hasSize(11);
        assertThat(pulls.statistics(acme, "2026-10-01", "2026-10-31")).hasSize(31);
        refused(() -> pulls.statistics(acme, "2026-10-01", "2026-11-01"), "InvalidParameterValue.TimeRangeTooLong", "from");
        refused(() -> pulls.statistics(acme, "2026-12-01", null), "InvalidParameterValue.TimeRangeReversed", "from");
        for (String bad : List.of("2026-02-30", "2026-11-30T00:00:00Z", "20261130", "1969-12-31", "+10000-01-01", "x")) {
            refused(() -> pulls.statistics(acme, bad, "2026-11-30"), "InvalidParameterValue.TimeFormat", "from");
            refused(() -> pulls.statistics(acme, "2026-11-30", bad), "InvalidParameterValue.TimeFormat", "to");
        }
    }

    @Test
    void repliesAreListedNewestFirstOverTheRangeAcrossPagesWithoutGapsOrRepeats() {
        Instant now = clock.instant();
        for (int i = 0; i < 7; i++) {
            replies.record(new Reply(new AccountId("acme"), "in-" + i, "+8613800138000", "+10000000000", "reply " + i,
                    now.minusSeconds(3600L * i), TestIds.serial("x"), null));
        }
        replies.record(new Reply(new AccountId("other"), "in-other", "+8613800138000", "+10000000000", "not yours", now, TestIds.serial("y"), null));
        replies.record(new Reply(new AccountId("acme"), "in-old", "+8613800138000", "+10000000000", "too old",
                now.minus(Duration.ofDays(2)), TestIds.serial("x"), null));

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<Reply> page = pulls.replies(acme, null, null, 3, token);
            page.items().forEach(r -> seen.add(r.replyId()));
            token = page.nextToken();
            clock.now = clock.now.plusSeconds(600);
        } while (token != null);

        assertThat(seen).containsExactly("in-0", "in-1", "in-2", "in-3", "in-4", "in-5", "in-6");
    }

    @Test
    void aReplyTokenIsBoundToItsAccountAndRange() {
        Instant now = clock.instant();
        for (int i = 0; i < 3; i++) {
            replies.record(new Reply(new AccountId("acme"), "in-" + i, "+8613800138000", "+1", "r", now.minusSeconds(i), TestIds.serial("x"), null));
        }
        String token = pulls.replies(acme, null, null, 1, null).nextToken();

        assertThatThrownBy(() -> pulls.replies(other, null, null, 1, token)).isInstanceOf(Failure.class)
                .extracting("field").isEqualTo("nextToken");
        assertThatThrownBy(() -> pulls.replies(acme, now.minusSeconds(60).toString(), null, 1, token))
                .isInstanceOf(Failure.class).extracting("field").isEqualTo("nextToken");
        assertThatThrownBy(() -> pulls.replies(acme, "2030-01-01T00:00:00Z", "2030-01-09T00:00:00Z", 1, null))
                .isInstanceOf(Failure.class).extracting("code").isEqualTo(PullService.TOO_LONG);
    }
}
