package smsplatform.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smsplatform.local.LocalStack;

/**
 * Cold start of every function of template.yaml against two floors measured in the same run, each
 * in a fresh JVM on the function's own artifact, against the local emulators (bench/README.md).
 * Arguments: [runs (10)] [java executable (this JVM's)].
 */
public final class Bench {

    /** The sample event each function's first invocation handles (events/), and what it does there. */
    static final Map<String, String> EVENTS = Map.of(
            "SignaturesApiFunction", "signatures-api-list.json",
            "CertificateCheckFunction", "certificate-check-object-created.json",
            "ReviewQueueFunction", "review-queue-automatic-review.json",
            "ReviewerApiFunction", "reviewer-api-list-reviews.json",
            "SendSmsFunction", "send-sms.json",
            "DeliveryFunction", "delivery-outbound-messages.json");

    record Run(long wallMs, long initMs, long firstMs, long totalMs, int classes) {}

    record Stats(long median, long min, long max, int classes) {
        static Stats of(List<Run> runs, java.util.function.ToLongFunction<Run> metric) {
            List<Long> values = new ArrayList<>(runs.stream().map(metric::applyAsLong).toList());
            Collections.sort(values);
            return new Stats(values.get(values.size() / 2), values.get(0), values.get(values.size() - 1),
                    runs.get(runs.size() / 2).classes());
        }
    }

    private static final Pattern RESULT = Pattern.compile("RESULT init=(\\d+) first=(\\d+) total=(\\d+) classes=(\\d+)");

    private Bench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String java = args.length > 1 ? args[1] : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path project = project();
        Path data = Files.createTempDirectory("sms-bench");
        String probeClasses = codeSource(Bench.class);
        String serialization = codeSource(LambdaEventSerializers.class);
        System.out.println("java: " + java + " (" + version(java) + "), runs per line: " + runs
                + ", JAVA_TOOL_OPTIONS from template.yaml");
        System.out.println();
        System.out.println("| function | artifact MB | JVM floor ms | SDK floor ms | function ms (min-max) | x SDK floor | x JVM floor | classes fn / SDK / JVM |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try (LocalStack stack = LocalStack.start(project, data, 0)) {
            for (LocalStack.FunctionSpec f : stack.functions()) {
                Path event = project.resolve("events").resolve(EVENTS.get(f.logicalId()));
                String classpath = String.join(File.pathSeparator, f.artifact().toString(), probeClasses, serialization);
                Stats jvm = Stats.of(measure(java, classpath, "smsplatform.bench.JvmFloorHandler", event, f.environment(), runs),
                        Run::wallMs);
                Stats sdk = Stats.of(measure(java, classpath, "smsplatform.bench.SdkFloorHandler", event, f.environment(), runs),
                        Run::wallMs);
                Stats fn = Stats.of(measure(java, classpath, f.handler(), event, f.environment(), runs), Run::wallMs);
                System.out.printf("| %s | %.1f | %d | %d | %d (%d-%d) | %.2f | %.2f | %d / %d / %d |%n", f.logicalId(),
                        Files.size(f.artifact()) / 1e6, jvm.median(), sdk.median(), fn.median(), fn.min(), fn.max(),
                        fn.median() / (double) sdk.median(), fn.median() / (double) jvm.median(),
                        fn.classes(), sdk.classes(), jvm.classes());
            }
        }
    }

    /** One discarded warm-up (file cache), then {@code runs} fresh JVMs. */
    static List<Run> measure(String java, String classpath, String handler, Path event, Map<String, String> env, int runs)
            throws IOException, InterruptedException {
        List<Run> results = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "smsplatform.bench.ColdStartProbe", handler,
                    event.toString()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            long begin = System.nanoTime();
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(handler + " failed:\n" + output);
            }
            long wall = (System.nanoTime() - begin) / 1_000_000;
            Matcher m = RESULT.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException(handler + " printed no RESULT:\n" + output);
            }
            if (i > 0) {
                results.add(new Run(wall, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3)), Integer.parseInt(m.group(4))));
            }
        }
        return results;
    }

    private static String version(String java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().findFirst().orElse("?");
    }

    private static String codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static Path project() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the project");
        }
        return dir;
    }
}
