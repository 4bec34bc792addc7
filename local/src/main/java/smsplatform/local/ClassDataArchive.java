package smsplatform.local;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import smsplatform.support.Digests;

/**
 * A function JVM's classes, kept as a dynamic class data sharing archive (JEP 350) beside its artifact, so that its
 * JVMs map them instead of loading and verifying them again. Measured on SignaturesApiFunction (JDK 17): 2.1 s of CPU
 * to ready without it, 1.15 s with it. https://docs.oracle.com/en/java/javase/17/vm/class-data-sharing.html
 *
 * <p>The build writes every function's archive before the tests ({@link ClassDataTraining}); a function that still
 * has none (an artifact rebuilt alone) gets one from a JVM started beside its first. That JVM starts as the function
 * does (its handler constructed), ends at once, and writes its classes as it ends; the shell around it keeps the file
 * only if the JVM ended well. A claim file lets one such JVM run per function at a time.
 *
 * <p>An archive names everything it depends on (the JVM, and each class path entry with its size and time), so a
 * rebuilt artifact gets a new one. The JVM checks an archive again when it maps it and runs without it on any
 * mismatch; its CDS messages are off, so that nothing precedes the runner's LISTENING line.
 */
final class ClassDataArchive {

    /** The JVM's own warnings go to stderr (the function's log), and its CDS notices nowhere. */
    private static final List<String> QUIET = List.of("-Xlog:disable",
            "-Xlog:all=warning,cds*=off:stderr:uptime,level,tags");
    /** A claim older than this is from a writer that never finished (killed with its machine): it is taken over. */
    static final Duration ABANDONED = Duration.ofMinutes(15);
    /** Moves the archive in place only when the JVM ended well; removes the claim in every case. */
    private static final String WRITE_AND_KEEP = "written=$1 archive=$2 claim=$3; shift 3; "
            + "if \"$@\" </dev/null >/dev/null 2>&1 && [ -s \"$written\" ]; then mv -f \"$written\" \"$archive\"; "
            + "else rm -f \"$written\"; fi; rm -f \"$claim\"";

    private final Path archive;

    private ClassDataArchive(Path archive) {
        this.archive = archive;
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
        return new ClassDataArchive(dir.resolve(logicalId + "-" + Digests.sha256Hex(key.toString()).substring(0, 16)
                + ".jsa"));
    }

    Path file() {
        return archive;
    }

    boolean exists() {
        return Files.isRegularFile(archive);
    }

    /** The options that map the archive, when there is one. */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>(QUIET);
        if (exists()) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return options;
    }

    /**
     * Unless the archive exists or another JVM is writing it: starts {@code command} (a JVM of the function, less the
     * archive options) in the background with its stdin closed, so that it ends as soon as it is ready, and keeps
     * the classes it loaded as the archive (the function's archives for other builds go). Answers the writer's
     * process, or null when none was started.
     */
    Process write(List<String> command, Map<String, String> environment) throws IOException {
        if (exists() || !claim()) {
            return null;
        }
        removeOtherBuilds();
        Path written = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".tmp");
        List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", WRITE_AND_KEEP, "sh", written.toString(),
                archive.toString(), claimFile().toString()));
        shell.add(command.get(0));
        shell.addAll(QUIET);
        shell.add("-XX:ArchiveClassesAtExit=" + written);
        shell.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(shell).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process writer = builder.start();
        writer.getOutputStream().close();
        return writer;
    }

    private void removeOtherBuilds() throws IOException {
        String name = archive.getFileName().toString();
        String function = name.substring(0, name.lastIndexOf('-') + 1);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path f : files.toList()) {
                String other = f.getFileName().toString();
                if (other.startsWith(function) && other.endsWith(".jsa") && !other.equals(name)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private boolean claim() throws IOException {
        Path claim = claimFile();
        try {
            Files.createFile(claim);
            return true;
        } catch (FileAlreadyExistsException taken) {
            try {
                if (Files.getLastModifiedTime(claim).toInstant().isBefore(Instant.now().minus(ABANDONED))) {
                    Files.deleteIfExists(claim);
                    return claim();
                }
            } catch (NoSuchFileException releasedMeanwhile) {
                return claim();
            }
            return false;
        }
    }

    private Path claimFile() {
        return archive.resolveSibling(archive.getFileName() + ".writing");
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
