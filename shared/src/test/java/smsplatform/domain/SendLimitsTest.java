package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendLimitsTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    static List<SendLimits.Sent> sends(Duration... ago) {
        List<SendLimits.Sent> list = new ArrayList<>();
        for (int i = 0; i < ago.length; i++) {
            list.add(new SendLimits.Sent(NOW.minus(ago[i]), "c" + i, TestIds.serial("s" + i)));
        }
        return list;
    }

    @Test
    void theSameContentWaitsThirtySeconds() {
        List<SendLimits.Sent> history = List.of(new SendLimits.Sent(NOW.minusSeconds(29), "same", TestIds.serial("s")));
        assertThat(SendLimits.check(history, "same", NOW)).isEqualTo(SendLimits.Verdict.THIRTY_SECONDS);
        assertThat(SendLimits.check(history, "other", NOW)).isEqualTo(SendLimits.Verdict.OK);
        assertThat(SendLimits.check(List.of(new SendLimits.Sent(NOW.minusSeconds(31), "same", TestIds.serial("s"))), "same", NOW))
                .isEqualTo(SendLimits.Verdict.OK);
    }

    @Test
    void fiveAnHourInASlidingWindow() {
        Duration m = Duration.ofMinutes(1);
        assertThat(SendLimits.check(sends(m, m, m, m), "new", NOW)).isEqualTo(SendLimits.Verdict.OK);
        assertThat(SendLimits.check(sends(m, m, m, m, Duration.ofMinutes(59)), "new", NOW)).isEqualTo(SendLimits.Verdict.ONE_HOUR);
        assertThat(SendLimits.check(sends(m, m, m, m, Duration.ofMinutes(61)), "new", NOW)).isEqualTo(SendLimits.Verdict.OK);
    }

    @Test
    void tenADayInASlidingWindow() {
        Duration h2 = Duration.ofHours(2);
        Duration[] nine = new Duration[9];
        Arrays.fill(nine, h2);
        assertThat(SendLimits.check(sends(nine), "new", NOW)).isEqualTo(SendLimits.Verdict.OK);
        Duration[] ten = Arrays.copyOf(nine, 10);
        ten[9] = Duration.ofHours(23);
        assertThat(SendLimits.check(sends(ten), "new", NOW)).isEqualTo(SendLimits.Verdict.DAILY);
        ten[9] = Duration.ofHours(25);
        assertThat(SendLimits.check(sends(ten), "new", NOW)).isEqualTo(SendLimits.Verdict.OK);
    }
}
