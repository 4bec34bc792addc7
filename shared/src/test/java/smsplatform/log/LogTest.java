package smsplatform.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.json.Json;

public class LogTest {

    public static Map<String, Object> captured(Runnable logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
        }
        return Json.parseObject(out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void anErrorLineCarriesTheStackTraceWithItsCauseAndTheRequestId() {
        Map<String, Object> line = captured(() -> {
            Log.begin("test", "req-1");
            Log.error("thing.failed", new IllegalStateException("outer", new IllegalArgumentException("inner")));
        });
        assertThat(line).containsEntry("level", "ERROR").containsEntry("requestId", "req-1")
                .containsEntry("error", "java.lang.IllegalStateException: outer");
        assertThat((String) line.get("stackTrace"))
                .contains("at smsplatform.log.LogTest")
                .contains("Caused by: java.lang.IllegalArgumentException: inner");
    }

    @Test
    void theCurrentRequestIdIsWhatBeginSet() {
        Log.begin("test", "req-2");
        assertThat(Log.requestId()).isEqualTo("req-2");
    }

    @Test
    void aMetricIsOneEmbeddedMetricFormatLineWithItsValueAsANumberAndItsDimensionOnTheRoot() {
        Map<String, Object> line = captured(() -> {
            Log.begin("test", "req-3");
            Metrics.count(Metrics.MESSAGES_SENT, 2);
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> aws = (Map<String, Object>) line.get("_aws");
        assertThat(aws.get("Timestamp")).isInstanceOf(Number.class);
        assertThat(aws.get("CloudWatchMetrics")).isEqualTo(List.of(Map.of("Namespace", "SmsPlatform",
                "Dimensions", List.of(List.of("service")),
                "Metrics", List.of(Map.of("Name", "MessagesSent", "Unit", "Count")))));
        assertThat(line).containsEntry("service", "sms-platform").containsEntry("requestId", "req-3");
        assertThat(((Number) line.get("MessagesSent")).longValue()).isEqualTo(2);
    }

    @Test
    void aCountOfZeroWritesNoLine() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Metrics.count(Metrics.MESSAGES_FAILED, 0);
        } finally {
            System.setOut(original);
        }
        assertThat(out.size()).isZero();
    }
}
