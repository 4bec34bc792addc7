package smsplatform.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two stacks for the end-to-end test classes that can share one, each started once per test JVM. A class names its
 * stack by the resource lock it holds, {@code @ResourceLock(SharedStack.APPLICATIONS)} or
 * {@code @ResourceLock(SharedStack.MESSAGES)}: the classes of one stack run one after another, since they share its
 * queues, its reviewers' queue and its logs, while the two stacks' classes run side by side. One stack made a
 * chain of classes as long as the rest of the suite; a class goes where its subject is, and the two chains stay
 * about as long as each other.
 */
final class SharedStack {

    /** Signatures, reviews, the console, the gateway and the API's contract. */
    static final String APPLICATIONS = "the shared stack for applications";
    /** Templates, sends and what follows them: receipts, callbacks, replies, opt-outs, pulls, sample events. */
    static final String MESSAGES = "the shared stack for messages";

    /** Short, so that a receiver down for the whole window is given up on within a test. */
    static final int CALLBACK_RETRY_WINDOW_SECONDS = 25;

    private static final Map<String, OneStack> STACKS = Map.of(APPLICATIONS, new OneStack(), MESSAGES, new OneStack());

    private SharedStack() {}

    /** The stack of {@code testClass}, named by its {@link ResourceLock}; started by the first class that asks. */
    static RunningStack of(Class<?> testClass) throws Exception {
        List<String> locks = Arrays.stream(testClass.getAnnotationsByType(ResourceLock.class)).map(ResourceLock::value)
                .filter(STACKS::containsKey).toList();
        if (locks.size() != 1) {
            throw new IllegalStateException(testClass.getSimpleName() + " must hold exactly one of the shared stacks' locks,"
                    + " @ResourceLock(SharedStack.APPLICATIONS) or @ResourceLock(SharedStack.MESSAGES), to use one");
        }
        return STACKS.get(locks.get(0)).get();
    }

    /** One shared stack: the two start side by side when their first classes do. */
    private static final class OneStack {
        private RunningStack stack;

        synchronized RunningStack get() throws Exception {
            if (stack == null) {
                Path dir = Files.createTempDirectory("sms-local-e2e");
                // Every function is used, so all start at once, as they do by default (SmsLocalEndToEndTest checks it).
                RunningStack started = RunningStack.start(dir, "--prewarm", "on", "--parameter-overrides",
                        "CallbackRetryWindowSeconds=" + CALLBACK_RETRY_WINDOW_SECONDS);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                        ScratchDir.removeUnlessATestFailed(dir);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }));
                stack = started;
            }
            return stack;
        }
    }
}
