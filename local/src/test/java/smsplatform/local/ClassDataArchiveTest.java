package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function JVM's classes are archived by its first JVM and mapped by the next ones, never from a partial file. */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theFirstJvmOfAFunctionWritesItsArchiveWhenItStopsAndTheNextJvmMapsIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads what a process maps from /proc");
        Path artifact = FunctionRunnerTest.probeArtifact(dir);
        LocalFunction function = FunctionRunnerTest.probeFunction(artifact);
        Path archives = artifact.resolveSibling("class-data");

        List<String> first = runOnce(function);
        assertThat(first).as("nothing of ours to map yet").noneMatch(archive -> archive.startsWith(archives.toString()));
        assertThat(files(archives)).singleElement().satisfies(f -> assertThat(f).matches("ProbeFunction-[0-9a-f]{16}\\.jsa"));

        List<String> second = runOnce(function);
        assertThat(second).as("the second JVM maps the archive the first wrote")
                .contains(archives.resolve(files(archives).get(0)).toString());
        assertThat(files(archives)).hasSize(1);

        // A rebuilt artifact: a new archive is written, and the one for the old build goes.
        String old = files(archives).get(0);
        Files.setLastModifiedTime(artifact, FileTime.from(Instant.now().plusSeconds(5)));
        runOnce(function);
        assertThat(files(archives)).singleElement().isNotEqualTo(old);
    }

    @Test
    void aFileAJvmWasKilledWhileWritingIsRemovedNotKept() throws Exception {
        Path artifact = FunctionRunnerTest.probeArtifact(dir);
        ClassDataArchive archive = ClassDataArchive.of("ProbeFunction", List.of(artifact), dir.resolve("class-data"));
        assertThat(archive.writesOnExit()).isTrue();
        String option = archive.jvmOptions().stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit="))
                .findFirst().orElseThrow();
        Path written = Path.of(option.substring(option.indexOf('=') + 1));
        Files.write(written, new byte[] {1, 2, 3});

        archive.keep(false);

        assertThat(files(dir.resolve("class-data"))).isEmpty();
        assertThat(ClassDataArchive.of("ProbeFunction", List.of(artifact), dir.resolve("class-data")).writesOnExit())
                .as("the next JVM writes it again").isTrue();
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

    private static List<String> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
