package smsplatform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import smsplatform.local.LocalStack;

/**
 * {@code -Dbench.metrics=true}: what the business metrics cost a cold start. Per first invocation, fresh JVMs
 * on the function's artifact with metrics as shipped (EMF lines through the logger), with metrics off
 * ({@code -Dsmsplatform.metrics=false} in JAVA_TOOL_OPTIONS), and on a copy of the artifact whose
 * {@code smsplatform.log.Metrics} emits the same values through aws-embedded-metrics 4.2.0
 * (bench/src/emf-library, compiled here against the artifact, with the library's jars merged in as a shaded
 * build would), against the SDK floor. The four run interleaved, one of each per round, so that load from
 * elsewhere on the machine falls on all of them alike; one discarded round first (file cache).
 */
final class MetricsCost {

    record Result(Bench.Scenario scenario, List<String> calls, List<Probes.Run> sdk, List<Probes.Run> on,
                  List<Probes.Run> off, List<Probes.Run> library, double artifactMb, double libraryArtifactMb) {}

    private final String java;
    private final int runs;
    private final Path project;
    private final Path work;
    private final ColdStarts cold;
    private final String probeClasses;
    private final String serialization;
    private final Map<Path, Path> libraryArtifacts = new HashMap<>();

    MetricsCost(String java, int runs, Path project, Path work, ColdStarts cold, String probeClasses,
                String serialization) {
        this.java = java;
        this.runs = runs;
        this.project = project;
        this.work = work;
        this.cold = cold;
        this.probeClasses = probeClasses;
        this.serialization = serialization;
    }

    Result measure(LocalStack.FunctionSpec f, Bench.Scenario s) throws Exception {
        System.err.println("bench metrics: " + s.function() + " - " + s.firstInvocation());
        String classpath = Bench.classpath(f.artifact().toString(), probeClasses, serialization);
        Path library = libraryArtifact(f.artifact());
        String libraryClasspath = Bench.classpath(library.toString(), probeClasses, serialization);
        Map<String, String> env = f.environment();
        Map<String, String> off = Bench.env(env, "JAVA_TOOL_OPTIONS",
                (env.getOrDefault("JAVA_TOOL_OPTIONS", "") + " -Dsmsplatform.metrics=false").strip());
        List<String> calls = cold.traced(f, s).calls();
        Map<String, String> floorEnv = Bench.env(env, "BENCH_CALLS", String.join(",", calls));
        List<Probes.Run> sdk = new ArrayList<>();
        List<Probes.Run> on = new ArrayList<>();
        List<Probes.Run> none = new ArrayList<>();
        List<Probes.Run> lib = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            Probes.Run a = Probes.coldStart(java, classpath, floorEnv, "smsplatform.bench.SdkFloorHandler", cold.sample(s), false);
            Probes.Run b = ColdStarts.expect(s, Probes.coldStart(java, classpath, env, f.handler(), cold.event(s), false));
            Probes.Run c = ColdStarts.expect(s, Probes.coldStart(java, classpath, off, f.handler(), cold.event(s), false));
            Probes.Run d = ColdStarts.expect(s, Probes.coldStart(java, libraryClasspath, env, f.handler(), cold.event(s), false));
            if (metricLines(c) != 0 || metricLines(b) != metricLines(d)) {
                throw new IllegalStateException(s.firstInvocation() + ": metric lines on/off/library "
                        + metricLines(b) + "/" + metricLines(c) + "/" + metricLines(d) + ":\n" + d.output());
            }
            if (i == 0) { // what each variant wrote, on the progress output
                System.err.println("  logger:  " + b.output().lines().filter(l -> l.contains("\"_aws\"")).findFirst().orElse(""));
                System.err.println("  library: " + d.output().lines().filter(l -> l.contains("\"_aws\"")).findFirst().orElse(""));
            }
            if (i > 0) {
                sdk.add(a);
                on.add(b);
                none.add(c);
                lib.add(d);
            }
        }
        return new Result(s, calls, sdk, on, none, lib, Files.size(f.artifact()) / 1e6, Files.size(library) / 1e6);
    }

    /** EMF lines on the probe's output (the function's stdout). */
    static long metricLines(Probes.Run r) {
        return r.output().lines().filter(l -> l.contains("\"_aws\"")).count();
    }

    /**
     * A copy of the artifact whose smsplatform/log/Metrics.class is the aws-embedded-metrics variant, with the
     * library and its dependencies (bench/target/emf-library, copied there by the build) merged in; entries the
     * artifact already has (jackson-core) stay the artifact's. Built once per artifact.
     */
    private Path libraryArtifact(Path artifact) throws IOException {
        Path existing = libraryArtifacts.get(artifact);
        if (existing != null) {
            return existing;
        }
        String name = artifact.getParent().getParent().getFileName().toString();
        Path dir = Files.createDirectories(work.resolve("emf-library").resolve(name));
        List<Path> jars;
        try (Stream<Path> files = Files.list(project.resolve("bench/target/emf-library"))) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("bench/target/emf-library is empty: build the bench module first");
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the bench needs a JDK (javax.tools) to build the aws-embedded-metrics variant");
        }
        String compileClasspath = Bench.classpath(Stream.concat(Stream.of(artifact), jars.stream())
                .map(Path::toString).toArray(String[]::new));
        int rc = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), "-cp", compileClasspath,
                project.resolve("bench/src/emf-library/smsplatform/log/Metrics.java").toString());
        if (rc != 0) {
            throw new IllegalStateException("the aws-embedded-metrics variant of Metrics did not compile");
        }
        Path jar = dir.resolve("function.jar");
        Set<String> written = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            try (Stream<Path> compiled = Files.walk(classes)) {
                for (Path c : compiled.filter(Files::isRegularFile).toList()) {
                    String entry = classes.relativize(c).toString().replace('\\', '/');
                    written.add(entry);
                    out.putNextEntry(new ZipEntry(entry));
                    Files.copy(c, out);
                    out.closeEntry();
                }
            }
            copy(artifact, out, written);
            for (Path library : jars) {
                copy(library, out, written);
            }
        }
        libraryArtifacts.put(artifact, jar);
        return jar;
    }

    /** The jar's entries not written yet, the first jar's manifest kept, signatures and module-info left out as a shaded build does. */
    private static void copy(Path jar, ZipOutputStream out, Set<String> written) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String n = e.getName();
                boolean dropped = n.matches("META-INF/[^/]+\\.(SF|RSA|DSA)") || n.endsWith("module-info.class");
                if (dropped || !written.add(n)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(n));
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    static void print(List<Result> results) {
        System.out.println();
        System.out.println("| function: first invocation | AWS calls | metric lines | SDK floor ms | metrics on (logger) ms (min-max) | x SDK floor"
                + " | metrics off ms (min-max) | x SDK floor | aws-embedded-metrics ms (min-max) | x SDK floor"
                + " | on - off ms | library - off ms | classes on / off / library | peak RSS MB on / off / library | artifact MB: as built / with the library |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            long sdk = Bench.median(r.sdk(), Probes.Run::wallMs);
            long on = Bench.median(r.on(), Probes.Run::wallMs);
            long off = Bench.median(r.off(), Probes.Run::wallMs);
            long lib = Bench.median(r.library(), Probes.Run::wallMs);
            System.out.printf("| %s: %s | %s | %d | %d | %s | %.2f | %s | %.2f | %s | %.2f | %+d | %+d | %d / %d / %d | %d / %d / %d | %.1f / %.1f |%n",
                    r.scenario().function(), r.scenario().firstInvocation(), ColdStarts.summary(r.calls()),
                    metricLines(r.on().get(0)), sdk, spread(r.on()), on / (double) sdk, spread(r.off()), off / (double) sdk,
                    spread(r.library()), lib / (double) sdk, on - off, lib - off,
                    Bench.median(r.on(), Probes.Run::classes), Bench.median(r.off(), Probes.Run::classes),
                    Bench.median(r.library(), Probes.Run::classes),
                    Bench.median(r.on(), Probes.Run::rssMb), Bench.median(r.off(), Probes.Run::rssMb),
                    Bench.median(r.library(), Probes.Run::rssMb), r.artifactMb(), r.libraryArtifactMb());
        }
        System.out.println();
        System.out.println("Per round: SDK floor, on, off, library, one fresh JVM each; medians of "
                + (results.isEmpty() ? 0 : results.get(0).on().size()) + " rounds. Handler's first invocation ms (median) on / off / library: "
                + results.stream().map(r -> r.scenario().firstInvocation() + " " + Bench.median(r.on(), Probes.Run::handlerMs)
                        + " / " + Bench.median(r.off(), Probes.Run::handlerMs) + " / " + Bench.median(r.library(), Probes.Run::handlerMs))
                        .collect(Collectors.joining("; ")));
    }

    private static String spread(List<Probes.Run> runs) {
        return Bench.median(runs, Probes.Run::wallMs) + " (" + runs.stream().mapToLong(Probes.Run::wallMs).min().orElseThrow()
                + "-" + runs.stream().mapToLong(Probes.Run::wallMs).max().orElseThrow() + ")";
    }
}
