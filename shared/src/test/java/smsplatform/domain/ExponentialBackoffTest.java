package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    static final ExponentialBackoff DELIVERY = new ExponentialBackoff(Duration.ofSeconds(5), Duration.ofSeconds(900));

    @Test
    void theWaitDoublesFromTheFirstUntilTheCap() {
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(DELIVERY::after).map(Duration::toSeconds))
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 900L, 900L);
    }

    @Test
    void anAttemptBelowOneWaitsTheFirstAndAnyLaterOneNeverMoreThanTheCap() {
        assertThat(DELIVERY.after(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DELIVERY.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(900));
    }
}
