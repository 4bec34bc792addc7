package smsplatform.domain.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackRetryTest {

    static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theBackoffDoublesFromTwoSecondsUpToAnHour() {
        assertThat(CallbackRetry.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(CallbackRetry.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(CallbackRetry.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(CallbackRetry.backoff(12)).isEqualTo(Duration.ofHours(1));
        assertThat(CallbackRetry.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anAttemptDueWithinTheWindowIsScheduledAndOnePastItIsGivenUp() {
        CallbackRetry retry = new CallbackRetry(Duration.ofHours(24));
        assertThat(retry.next(FIRST, 1, FIRST)).contains(FIRST.plusSeconds(2));
        Instant late = FIRST.plus(Duration.ofHours(23)).plusSeconds(30 * 60 + 1);
        assertThat(retry.next(FIRST, 20, late)).isEmpty();
        assertThat(retry.next(FIRST, 20, FIRST.plus(Duration.ofHours(23)))).contains(FIRST.plus(Duration.ofHours(24)));
    }

    @Test
    void aQueueDelayIsCappedAtNineHundredSecondsAndNeverNegative() {
        assertThat(CallbackRetry.delaySeconds(FIRST.plusSeconds(3600), FIRST)).isEqualTo(900);
        assertThat(CallbackRetry.delaySeconds(FIRST.plusMillis(1500), FIRST)).isEqualTo(2);
        assertThat(CallbackRetry.delaySeconds(FIRST.minusSeconds(5), FIRST)).isZero();
    }
}
