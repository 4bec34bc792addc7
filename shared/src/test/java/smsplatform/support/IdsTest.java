package smsplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsOfAnOrdinaryRequestAreNewSoItsMessagesMayBeWrittenInBatches() {
        Ids.Source ids = Ids.random(Clock.systemUTC());
        assertThat(ids.repeatable()).isFalse();
        assertThat(ids.next("sms-")).isNotEqualTo(ids.next("sms-")).startsWith("sms-").hasSize(30);
    }

    @Test
    void idsUnderAnIdempotencyKeyRepeatOnARerunSoItsWritesMustBeConditional() {
        String seed = Ids.random(Clock.systemUTC()).next("req-");
        Ids.Source first = Ids.seeded(seed);
        Ids.Source rerun = Ids.seeded(seed);
        assertThat(first.repeatable()).isTrue();
        assertThat(first.next("sms-")).isEqualTo(rerun.next("sms-"));
        String other = Ids.random(Clock.systemUTC()).next("req-");
        assertThat(Ids.seeded(other).next("sms-")).isNotEqualTo(Ids.seeded(seed).next("sms-"));
    }

    @Test
    void everyIdMadeInAMillisecondSortsBetweenThatMillisecondsFirstAndLastSoATimeRangeIsAKeyRange() {
        Instant at = Instant.parse("2026-11-30T10:00:00.123Z");
        long millis = at.toEpochMilli();
        for (int i = 0; i < 100; i++) {
            String id = Ids.random(Clock.fixed(at, ZoneOffset.UTC)).next("sms-");
            assertThat(id).isBetween(Ids.first("sms-", millis), Ids.last("sms-", millis));
            assertThat(Ids.millisOf(id)).isEqualTo(millis);
        }
        assertThat(Ids.last("sms-", millis - 1)).isLessThan(Ids.first("sms-", millis));
        assertThat(Ids.last("sms-", millis)).isLessThan(Ids.first("sms-", millis + 1)).hasSize(30);
    }
}
