package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoSentMessages;
import smsplatform.aws.DynamoStatistics;
import smsplatform.domain.AccountId;
import smsplatform.domain.Page;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TemplateId;
import smsplatform.ports.SentMessages;
import smsplatform.ports.Statistics.Counter;
import smsplatform.ports.Statistics;
import smsplatform.support.Ids;

/**
 * The pulls' adapters through the real SDK against the selected backend: statistics counted exactly under
 * concurrency, and a filtered listing that reads a bounded number of messages a page yet loses none.
 */
@ResourceLock(AwsBackend.LOCK)
class PullAdaptersIntegrationTest extends OnAwsBackend {


    @Test
    void twentyThreadsAddingToOneDayLeaveExactTotalsAndTheNeighbouringDaysAtZero() throws Exception {
        DynamoStatistics statistics = new DynamoStatistics(backend.dynamo, backend.table());
        LocalDate day = LocalDate.parse("2026-11-30");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> adds = new ArrayList<>();
            for (int thread = 0; thread < 20; thread++) {
                boolean odd = thread % 2 == 1;
                adds.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        statistics.add(new AccountId("stats-concurrent"), day, odd
                                ? Map.of(Counter.REQUESTED, 1L, Counter.SENT, 1L, Counter.FEE, 3L)
                                : Map.of(Counter.REQUESTED, 1L, Counter.FAILED, 1L, Counter.DELIVERED, 0L));
                    }
                }));
            }
            for (Future<?> add : adds) {
                add.get();
            }
        } finally {
            pool.shutdownNow();
        }
        statistics.add(new AccountId("stats-concurrent-other"), day, Map.of(Counter.REQUESTED, 7L));
        assertThat(statistics.read(new AccountId("stats-concurrent"), day.minusDays(1), day.plusDays(1))).containsExactly(
                new Statistics.Day(day.minusDays(1), 0, 0, 0, 0, 0, 0, 0),
                new Statistics.Day(day, 500, 250, 0, 0, 250, 750, 0),
                new Statistics.Day(day.plusDays(1), 0, 0, 0, 0, 0, 0, 0));
        assertThat(statistics.read(new AccountId("stats-concurrent-other"), day, day)).singleElement()
                .extracting(Statistics.Day::requested).isEqualTo(7L);
    }

    @Test
    void aFilteredListingReadsABoundedNumberOfMessagesAPageAndStillFindsEveryMatchOnce() {
        Instant start = Instant.parse("2026-11-30T08:00:00Z");
        List<SmsMessage> messages = new ArrayList<>();
        List<SerialNo> matching = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            Instant at = start.plusMillis(i * 10L);
            SerialNo serialNo = new SerialNo(Ids.random(Clock.fixed(at, ZoneOffset.UTC)).next(SerialNo.PREFIX));
            String number = i % 90 == 0 ? "+8613700009999" : "+86137000" + String.format("%05d", i);
            messages.add(new SmsMessage(new AccountId("pull-budget"), serialNo, number, "Budget", new TemplateId(TemplateId.PREFIX + "0".repeat(26)),
                    "text", 1,
                    SmsMessage.Status.QUEUED, List.of(new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, at, null)), at));
            if (i % 90 == 0) {
                matching.add(0, serialNo);
            }
        }
        new DynamoMessageStore(backend.dynamo, backend.table()).recordQueued(messages, false);
        DynamoSentMessages listing = new DynamoSentMessages(backend.dynamo, backend.table());
        SentMessages.Filter filter = new SentMessages.Filter(Ids.first("sms-", start.toEpochMilli()),
                Ids.last("sms-", start.plusSeconds(10).toEpochMilli()), "+8613700009999", "QUEUED");

        List<SerialNo> found = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        do {
            Page<SmsMessage> page = listing.list(new AccountId("pull-budget"), filter, 100, after);
            page.items().forEach(m -> found.add(m.serialNo()));
            sizes.add(page.items().size());
            after = page.nextToken();
        } while (after != null);
        assertThat(found).containsExactlyElementsOf(matching);
        assertThat(sizes).as("450 messages read 200 at most a page").hasSizeGreaterThanOrEqualTo(3);

        Page<SmsMessage> unfiltered = listing.list(new AccountId("pull-budget"), new SentMessages.Filter(filter.firstSerialNo(),
                filter.lastSerialNo(), null, null), 7, null);
        assertThat(unfiltered.items()).hasSize(7);
        assertThat(unfiltered.items().get(0).serialNo()).isEqualTo(messages.get(449).serialNo());
        assertThat(listing.list(new AccountId("someone-else"), filter, 100, null).items()).isEmpty();
    }
}
