package smsplatform.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.json.Json;

class LogTest {

    static Map<String, Object> captured(Runnable logging) {
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
}
