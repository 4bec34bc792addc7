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

    /** The one line {@code logging} writes to stdout. */
    public static Map<String, Object> captured(Runnable logging) {
        List<Map<String, Object>> lines = capturedLines(logging);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    /** The lines {@code logging} writes to stdout, each parsed; the thread's log context is ended after. */
    public static List<Map<String, Object>> capturedLines(Runnable logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
            Log.end();
        }
        return out.toString(StandardCharsets.UTF_8).lines().map(Json::parseObject).toList();
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
        assertThat(capturedLines(() -> Metrics.count(Metrics.MESSAGES_FAILED, 0))).isEmpty();
    }
}
