package smsplatform.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * The log lines of the handlers that tests run in this JVM (their structured JSON, as CloudWatch would receive
 * it) go to {@code target/in-process-function-logs.jsonl} instead of the build's output, which keeps the tests'
 * own lines (registered in {@code META-INF/services}). The stack's functions log to their data dir instead.
 */
public final class InProcessFunctionLogs implements TestExecutionListener {

    static final Path FILE = Path.of("target", "in-process-function-logs.jsonl");

    private PrintStream console;
    private OutputStream file;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        try {
            console = System.out;
            file = Files.newOutputStream(FILE);
            System.setOut(new PrintStream(new Lines(console, file), true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        PrintStream routed = System.out;
        System.setOut(console);
        routed.close();
    }

    /** Whole lines, each to the file when it is a log line (a JSON object with its time first), else to the console. */
    static final class Lines extends OutputStream {
        private static final byte[] LOG_LINE = "{\"time\":".getBytes(StandardCharsets.UTF_8);

        private final OutputStream console;
        private final OutputStream file;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(OutputStream console, OutputStream file) {
            this.console = console;
            this.file = file;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                route();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        private void route() throws IOException {
            byte[] bytes = line.toByteArray();
            line.reset();
            boolean logLine = bytes.length >= LOG_LINE.length
                    && Arrays.equals(bytes, 0, LOG_LINE.length, LOG_LINE, 0, LOG_LINE.length);
            OutputStream to = logLine ? file : console;
            to.write(bytes);
            to.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            if (line.size() > 0) {
                route();
            }
            file.close();
        }
    }
}
