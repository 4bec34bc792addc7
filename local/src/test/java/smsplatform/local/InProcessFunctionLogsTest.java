package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InProcessFunctionLogsTest {

    @Test
    void logLinesGoToTheFileAndEveryOtherLineToTheConsoleWholeAndInOrder() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new InProcessFunctionLogs.Lines(console, file), true, StandardCharsets.UTF_8);
        out.println("load: 1000 numbers delivered");
        out.println("{\"time\":\"2026-12-02T00:00:00Z\",\"level\":\"ERROR\",\"event\":\"certificate.failed\"}");
        out.print("营业执照 ");
        out.print("{\"time\":");
        out.println(" is not at the start");
        out.println("{\"level\":\"INFO\"}");
        out.print("{\"time\":\"unfinished\"");
        out.close();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("load: 1000 numbers delivered\n"
                + "营业执照 {\"time\": is not at the start\n{\"level\":\"INFO\"}\n");
        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"time\":\"2026-12-02T00:00:00Z\",\"level\":\"ERROR\",\"event\":\"certificate.failed\"}\n{\"time\":\"unfinished\"");
    }
}
