package smsplatform.local;

import java.util.Collection;
import java.util.List;

/** Parts that each take a while to stop (a poll to end, a JVM to exit) stop side by side, not one after another. */
final class CloseTogether {

    private CloseTogether() {}

    static void all(Collection<? extends AutoCloseable> parts) throws InterruptedException {
        List<Thread> stopping = parts.stream().map(part -> new Thread(() -> {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("sms-local: stopping " + part.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }, "stop-" + part.getClass().getSimpleName())).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            thread.join();
        }
    }
}
