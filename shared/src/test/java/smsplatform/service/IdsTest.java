package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
}
