package smsplatform.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** One stack for the end-to-end test classes that can share it (started once per test JVM). */
final class SharedStack {

    /** Short, so that a receiver down for the whole window is given up on within a test. */
    static final int CALLBACK_RETRY_WINDOW_SECONDS = 25;

    private static RunningStack stack;

    private SharedStack() {}

    static synchronized RunningStack get() throws Exception {
        if (stack == null) {
            Path dir = Files.createTempDirectory("sms-local-e2e");
            // Every function is used, so all start at once, as they do by default (SmsLocalEndToEndTest checks it).
            stack = RunningStack.start(dir, "--prewarm", "on", "--parameter-overrides",
                    "CallbackRetryWindowSeconds=" + CALLBACK_RETRY_WINDOW_SECONDS);
            RunningStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return stack;
    }
}
