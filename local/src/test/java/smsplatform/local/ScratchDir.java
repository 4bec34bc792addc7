package smsplatform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The data dirs of the stacks and emulators that live as long as the tests' JVM (JUnit's {@code @TempDir} does the
 * same for a class's or a test's own): removed when the JVM ends, unless a test failed, whose logs they may hold
 * ({@code junit.jupiter.tempdir.cleanup.mode.default=on_success} keeps the others').
 */
final class ScratchDir {

    private ScratchDir() {}

    /** At the JVM's end, after the stack or emulators using it have stopped. */
    static void removeUnlessATestFailed(Path dir) {
        if (TestTimeline.anyFailed()) {
            System.err.println("a test failed: " + dir + " is kept");
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e);
        }
    }
}
