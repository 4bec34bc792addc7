package smsplatform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultPointsTest {

    static long millisToRun(Runnable point) {
        long start = System.nanoTime();
        point.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aPointPausesOnlyWhereSmsLocalAskedForAPauseAndDoesNothingOtherwise() {
        assertThat(millisToRun(FaultPoints.pause("send-sms.after-recorded", "send-sms.after-recorded:300")))
                .isGreaterThanOrEqualTo(300);
        assertThat(millisToRun(FaultPoints.pause("send-sms.after-recorded", "elsewhere:5000"))).isLessThan(100);
        assertThat(millisToRun(FaultPoints.pause("send-sms.after-recorded", ""))).as("in Lambda").isLessThan(100);
        assertThat(millisToRun(FaultPoints.pause("send-sms.after-recorded"))).as("no property set").isLessThan(100);
    }
}
