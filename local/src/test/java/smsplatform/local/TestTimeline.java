package smsplatform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * When each test class started and ended, in seconds from the start of the run, written to
 * {@code target/test-timeline.txt} (registered in {@code META-INF/services}). The suite is bound by CPU and its
 * classes run side by side, so a class's own time says little; which classes were running at each moment shows
 * the chains that set the suite's length (README: Tests). It also remembers whether a test failed ({@link #anyFailed},
 * for {@link ScratchDir}).
 */
public final class TestTimeline implements TestExecutionListener {

    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private long runStarted;
    private static volatile boolean failed;

    /** Whether a test or container of this run has failed so far. */
    static boolean anyFailed() {
        return failed;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        runStarted = System.nanoTime();
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        testClass(test).ifPresent(name -> started.put(name, System.nanoTime()));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            failed = true;
        }
        testClass(test).ifPresent(name -> {
            Long start = started.remove(name);
            if (start != null) {
                long end = System.nanoTime();
                lines.add(String.format("%7.1f %7.1f %7.1f %s %s", seconds(start), seconds(end), (end - start) / 1e9,
                        name, result.getStatus()));
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        sorted.add(0, "  start     end   secs class result");
        try {
            Files.write(Path.of("target", "test-timeline.txt"), sorted, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double seconds(long nanos) {
        return (nanos - runStarted) / 1e9;
    }

    private static Optional<String> testClass(TestIdentifier test) {
        return test.getSource().filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName().replace("smsplatform.local.", ""));
    }
}
