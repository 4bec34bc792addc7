package smsplatform.local;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import smsplatform.support.Digests;

/**
 * A function JVM's classes, kept as a dynamic class data sharing archive (JEP 350) beside its artifact: the first JVM
 * of a function writes the archive when it ends, and the next ones map it instead of loading and verifying those
 * classes again. Measured on SignaturesApiFunction (JDK 17): 2.1 s of CPU to ready without it, 1.15 s with it.
 * https://docs.oracle.com/en/java/javase/17/vm/class-data-sharing.html
 *
 * <p>An archive names everything it depends on (the JVM, and each class path entry with its size and time), so a
 * rebuilt artifact gets a new one. The JVM checks an archive again when it maps it and runs without it on any
 * mismatch; its CDS messages are off, so that nothing precedes the runner's LISTENING line.
 */
final class ClassDataArchive {

    /** The JVM's own warnings go to stderr (the function's log), and its CDS notices nowhere. */
    private static final List<String> QUIET = List.of("-Xlog:disable",
            "-Xlog:all=warning,cds*=off:stderr:uptime,level,tags");
    /** A file a JVM left without its parent to keep it (the stack was killed) is removed after this. */
    private static final Duration ABANDONED = Duration.ofMinutes(10);

    private final Path archive;
    private final Path written;

    private ClassDataArchive(Path archive, Path written) {
        this.archive = archive;
        this.written = written;
    }

    /** The archive of {@code logicalId}'s JVM on {@code classpath} (jars only: CDS archives no directory). */
    static ClassDataArchive of(String logicalId, List<Path> classpath, Path dir) throws IOException {
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version"));
        for (Path entry : classpath) {
            key.append('\n').append(entry.toAbsolutePath()).append(' ').append(Files.size(entry)).append(' ')
                    .append(Files.getLastModifiedTime(entry).toMillis());
        }
        Files.createDirectories(dir);
        Path archive = dir.resolve(logicalId + "-" + Digests.sha256Hex(key.toString()).substring(0, 16) + ".jsa");
        return new ClassDataArchive(archive, Files.isRegularFile(archive) ? null
                : dir.resolve(archive.getFileName() + "." + UUID.randomUUID() + ".tmp"));
    }

    /** The options that map the archive, or write it when the JVM ends. */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>(QUIET);
        options.add(written == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + written);
        return options;
    }

    /** Whether this JVM writes the archive when it ends (its stop then takes a second or two longer). */
    boolean writesOnExit() {
        return written != null;
    }

    /**
     * After the JVM ended by itself or on SIGTERM: the archive it wrote becomes the function's (older ones go). After
     * a forced kill ({@code complete} false), what it may have half written is removed.
     */
    void keep(boolean complete) {
        if (written == null) {
            return;
        }
        try {
            if (complete && Files.isRegularFile(written)) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeOthers();
            } else {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            System.err.println("sms-local: " + archive.getFileName() + " not kept: " + e.getMessage());
        }
    }

    private void removeOthers() throws IOException {
        String name = archive.getFileName().toString();
        String function = name.substring(0, name.lastIndexOf('-') + 1);
        Instant abandoned = Instant.now().minus(ABANDONED);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path f : files.toList()) {
                String other = f.getFileName().toString();
                boolean older = other.startsWith(function) && other.endsWith(".jsa") && !other.equals(name);
                boolean left = other.startsWith(function) && other.endsWith(".tmp")
                        && Files.getLastModifiedTime(f).toInstant().isBefore(abandoned);
                if (older || left) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * {@code classes} as a jar, for a class path CDS can archive: the classes under {@code packagePath} of a class
     * directory, in a jar named by their content (so an unchanged build keeps the jar, its time, and the archives).
     */
    static Path jarOf(Path classes, String packagePath, Path dir) {
        try {
            Path root = classes.resolve(packagePath);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            StringBuilder content = new StringBuilder();
            for (Path f : files) {
                content.append(classes.relativize(f)).append(' ').append(Digests.sha256Hex(Files.readAllBytes(f)))
                        .append('\n');
            }
            Path jar = dir.resolve("classes-" + Digests.sha256Hex(content.toString()).substring(0, 16) + ".jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve(jar.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream zip = new JarOutputStream(out)) {
                for (Path f : files) {
                    JarEntry entry = new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/'));
                    entry.setLastModifiedTime(FileTime.fromMillis(0));
                    zip.putNextEntry(entry);
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
            try {
                Files.createLink(jar, tmp); // never replaces: a jar another stack made first keeps its time
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // the same classes
            } finally {
                Files.delete(tmp);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
