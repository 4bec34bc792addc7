package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's classes are archived by one JVM started beside its first, and mapped by its next JVMs. */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aFunctionsFirstJvmHasItsClassesArchivedBesideItAndItsNextJvmMapsThem() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads what a process maps from /proc");
        Path artifact = FunctionRunnerTest.probeArtifact(dir);
        LocalFunction function = FunctionRunnerTest.probeFunction(artifact);
        Path archives = artifact.resolveSibling("class-data");

        assertThat(runOnce(function)).as("nothing of ours to map yet").noneMatch(f -> f.startsWith(archives.toString()));
        String first = awaitOneArchive(archives);
        assertThat(first).matches("ProbeFunction-[0-9a-f]{16}\\.jsa");

        assertThat(runOnce(function)).as("the next JVM maps it").contains(archives.resolve(first).toString());
        assertThat(files(archives)).containsExactly(first);

        // A rebuilt artifact: its JVM maps nothing, and its own archive replaces the old build's.
        Files.setLastModifiedTime(artifact, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(runOnce(function)).noneMatch(f -> f.startsWith(archives.toString()));
        assertThat(awaitOneArchive(archives)).isNotEqualTo(first).matches("ProbeFunction-[0-9a-f]{16}\\.jsa");
    }

    @Test
    void oneWriterAtATimeAnAbandonedClaimIsTakenOverAndAFailedWriterLeavesNothing() throws Exception {
        Path artifact = FunctionRunnerTest.probeArtifact(dir);
        Path archives = dir.resolve("class-data");
        ClassDataArchive archive = ClassDataArchive.of("ProbeFunction", List.of(artifact), archives);
        Map<String, String> environment = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        List<String> failing = List.of(FunctionProcess.javaExecutable(), "-cp", artifact.toString(), "no.such.Main");

        Process failed = archive.write(failing, environment);
        assertThat(failed).isNotNull();
        assertThat(archive.write(failing, environment)).as("claimed by the first writer").isNull();
        assertThat(failed.waitFor()).isZero(); // the shell's: it removed the claim
        awaitNoFiles(archives);
        assertThat(archive.exists()).as("a JVM that failed to start leaves no archive").isFalse();

        String name = archive.file().getFileName().toString();
        Path stale = Files.createFile(archives.resolve(name + ".writing"));
        assertThat(archive.write(failing, environment)).as("a fresh claim of another writer").isNull();
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(ClassDataArchive.ABANDONED).minusSeconds(60)));
        List<String> version = List.of(FunctionProcess.javaExecutable(), "-cp", artifact.toString(), "-version");
        assertThat(archive.write(version, environment)).as("an abandoned claim is taken over").isNotNull();
        assertThat(awaitOneArchive(archives)).isEqualTo(name);
        assertThat(archive.exists()).isTrue();
    }

    @Test
    void aClassDirectoryBecomesOneJarPerContentWhichAnUnchangedBuildKeepsAsItIs() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("p/q"));
        Files.write(classes.resolve("p/q/A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1});
        Files.write(classes.resolve("p/Other.class"), new byte[] {9});
        Path jars = dir.resolve("jars");

        Path jar = ClassDataArchive.jarOf(classes, "p/q", jars);
        FileTime made = Files.getLastModifiedTime(jar);
        try (JarFile read = new JarFile(jar.toFile())) {
            assertThat(read.stream().map(JarEntry::getName)).containsExactly("p/q/A.class");
        }
        assertThat(ClassDataArchive.jarOf(classes, "p/q", jars)).isEqualTo(jar);
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(made);

        Files.write(classes.resolve("p/q/A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 2});
        assertThat(ClassDataArchive.jarOf(classes, "p/q", jars)).isNotEqualTo(jar);
    }

    /** Starts the function's JVM, invokes it once, and stops it; answers the class data archives the JVM mapped. */
    private List<String> runOnce(LocalFunction function) throws Exception {
        Map<String, String> environment = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        try (FunctionProcess process = new FunctionProcess(function, environment, dir.resolve("probe.log"))) {
            assertThat(process.invoke("{}").functionError()).isFalse();
            try (Stream<String> maps = Files.lines(Path.of("/proc", Long.toString(process.pid()), "maps"))) {
                return maps.map(line -> line.substring(line.indexOf('/') < 0 ? line.length() : line.indexOf('/')))
                        .filter(file -> file.endsWith(".jsa")).distinct().toList();
            }
        }
    }

    /** Waits for the writer to finish: one archive, no file being written, no claim. */
    private static String awaitOneArchive(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!(files(dir).size() == 1 && files(dir).get(0).endsWith(".jsa")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(files(dir)).hasSize(1);
        return files(dir).get(0);
    }

    private static void awaitNoFiles(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!files(dir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(files(dir)).as("no claim, nothing half written").isEmpty();
    }

    private static List<String> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
