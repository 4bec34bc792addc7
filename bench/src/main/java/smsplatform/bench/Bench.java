package smsplatform.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.zip.ZipFile;
import smsplatform.local.LocalStack;

/**
 * bench/run: cold starts of every function (first invocations from events/) against a JVM floor and
 * an SDK floor measured in the same run, SnapStart priming coverage, artifact contents, and the
 * SendSms warm path against its SDK floor; every JVM at -Xmx256m with its peak RSS. Markdown tables
 * on stdout, progress on stderr. Arguments: [cold runs (10)] [java (this JVM's)] [warm invocations (2000)]
 * [warm-up invocations (200)]; {@code -Dbench.only=<text>[|<text>...]} keeps the first invocations
 * whose "function: first invocation" contains one of the texts, {@code -Dbench.warm=false} skips the warm path,
 * {@code -Dbench.metrics=true} measures instead what metrics cost each cold start (MetricsCost),
 * {@code -Dbench.latency=<ms>} measures instead the warm send through a {@link LatencyProxy} (bench/run-latency).
 */
public final class Bench {

    /**
     * A first invocation: the function, what it does, its sample event, what the bench seeds for each run
     * (which the event is then rewritten to name), and the HTTP status it must answer ("-" for queue and
     * S3 consumers).
     */
    record Scenario(String function, String firstInvocation, String event, Seed seed, String status) {}

    /** What each run of a first invocation needs stored first; all but NONE make a new account per run. */
    enum Seed {
        /** The sample event as it is. */
        NONE,
        /** A new account holding nothing: every run creates. */
        ACCOUNT,
        /** A new account holding an APPROVED "Acme Cloud" and the sample's APPROVED template: every run sends. */
        APPROVED_SIGN,
        /** A new account's signature awaiting the reviewer; the event is the reviewer's approval of it. */
        SIGNATURE_IN_REVIEW,
        /** A new account's QUEUED message; the event is its outbound-queue message. */
        QUEUED_MESSAGE
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("SignaturesApiFunction", "POST /v1/signatures: submission", "signatures-api-submit.json", Seed.ACCOUNT, "201"),
            new Scenario("SignaturesApiFunction", "POST /v1/templates: submission", "templates-api-submit.json", Seed.ACCOUNT, "201"),
            new Scenario("SignaturesApiFunction", "GET /v1/signatures", "signatures-api-list.json", Seed.NONE, "200"),
            new Scenario("CertificateCheckFunction", "upload of a key of no signature", "certificate-check-object-created.json", Seed.NONE, "-"),
            new Scenario("ReviewQueueFunction", "automatic review, signature gone", "review-queue-automatic-review.json", Seed.NONE, "-"),
            new Scenario("ReviewQueueFunction", "reviewer's approval applied", "review-queue-automatic-review.json", Seed.SIGNATURE_IN_REVIEW, "-"),
            new Scenario("ReviewerApiFunction", "GET /v1/reviews", "reviewer-api-list-reviews.json", Seed.NONE, "200"),
            new Scenario("SendSmsFunction", "POST /v1/sms/send: 2 numbers sent with a template", "send-sms.json", Seed.APPROVED_SIGN, "200"),
            new Scenario("SendSmsFunction", "POST /v1/sms/send: sign not approved", "send-sms.json", Seed.NONE, "400"),
            new Scenario("DeliveryFunction", "message that does not exist", "delivery-outbound-messages.json", Seed.NONE, "-"),
            new Scenario("DeliveryFunction", "queued message delivered", "delivery-outbound-messages.json", Seed.QUEUED_MESSAGE, "-"));

    private Bench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String java = args.length > 1 ? args[1] : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int warmInvocations = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path project = project();
        Path work = Files.createTempDirectory("sms-bench");
        String probeClasses = codeSource(Bench.class);
        String serialization = codeSource(LambdaEventSerializers.class);
        Path trace = work.resolve("trace");
        Files.createDirectories(trace.resolve(CallTrace.REGISTRATION).getParent());
        Files.writeString(trace.resolve(CallTrace.REGISTRATION), CallTrace.class.getName() + "\n");

        System.out.println("java: " + java + " (" + version(java) + "), " + Probes.HEAP + ", JAVA_TOOL_OPTIONS from template.yaml"
                + " (-XX:TieredStopAtLevel=1); cold: " + runs + " fresh JVMs per cell (medians); warm: " + warmInvocations
                + " invocations after " + warmUp + " warm-up");
        try {
            measure(project, work, java, runs, warmInvocations, warmUp, probeClasses, serialization, trace);
        } finally {
            delete(work); // the warm path leaves gigabytes of queue database behind
        }
    }

    private static void measure(Path project, Path work, String java, int runs, int warmInvocations, int warmUp,
                                String probeClasses, String serialization, Path trace) throws Exception {
        try (LocalStack stack = LocalStack.start(project, work.resolve("data"), 0)) {
            Map<String, LocalStack.FunctionSpec> functions = new LinkedHashMap<>();
            stack.functions().forEach(f -> functions.put(f.logicalId(), f));
            LocalStack.FunctionSpec sms = functions.get("SendSmsFunction");
            try (Seeds seeds = new Seeds(stack.endpoints().dynamoDb(), sms.environment())) {
                ColdStarts cold = new ColdStarts(java, runs, project, work, seeds, probeClasses, serialization, trace);
                String only = System.getProperty("bench.only", "");
                List<Scenario> selected = SCENARIOS.stream()
                        .filter(s -> Arrays.stream(only.split("\\|", -1))
                                .anyMatch(o -> (s.function() + ": " + s.firstInvocation()).contains(o))).toList();
                String latency = System.getProperty("bench.latency");
                if (latency != null) {
                    new WarmPath(java, project, work, seeds, stack.endpoints().sqs(), sms, probeClasses, serialization)
                            .measureLatency(warmInvocations, warmUp, Long.parseLong(latency));
                    return;
                }
                if (Boolean.parseBoolean(System.getProperty("bench.metrics", "false"))) {
                    MetricsCost metrics = new MetricsCost(java, runs, project, work, cold, probeClasses, serialization);
                    List<MetricsCost.Result> costs = new ArrayList<>();
                    for (Scenario s : selected) {
                        costs.add(metrics.measure(functions.get(s.function()), s));
                    }
                    MetricsCost.print(costs);
                    return;
                }
                List<ColdStarts.Result> results = new ArrayList<>();
                for (Scenario s : selected) {
                    results.add(cold.measure(functions.get(s.function()), s));
                }
                ColdStarts.printColdStarts(results);
                ColdStarts.printPriming(results);
                printArtifacts(functions.values());
                if (Boolean.parseBoolean(System.getProperty("bench.warm", "true"))) {
                    new WarmPath(java, project, work, seeds, stack.endpoints().sqs(), sms, probeClasses, serialization)
                            .measure(warmInvocations, warmUp);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void printArtifacts(Iterable<LocalStack.FunctionSpec> functions) throws Exception {
        System.out.println();
        System.out.println("| function | artifact | MB | AWS service modules inside | HTTP clients inside |");
        System.out.println("|---|---|---|---|---|");
        for (LocalStack.FunctionSpec f : functions) {
            TreeSet<String> services = new TreeSet<>();
            TreeSet<String> clients = new TreeSet<>();
            try (ZipFile jar = new ZipFile(f.artifact().toFile())) {
                jar.stream().forEach(e -> {
                    String name = e.getName();
                    if (name.startsWith("software/amazon/awssdk/services/") && name.split("/").length > 5) {
                        services.add(name.split("/")[4]);
                    }
                    for (String client : List.of("urlconnection", "apache", "apache5", "nio/netty", "crt", "aws-crt")) {
                        if (name.startsWith("software/amazon/awssdk/http/" + client + "/")) {
                            clients.add(client);
                        }
                    }
                });
            }
            System.out.printf("| %s | %s | %.1f | %s | %s |%n", f.logicalId(), project().relativize(f.artifact()),
                    Files.size(f.artifact()) / 1e6, String.join(", ", services), String.join(", ", clients));
        }
    }

    static long median(List<Probes.Run> runs, ToLongFunction<Probes.Run> metric) {
        return Probes.median(runs.stream().map(metric::applyAsLong).toList());
    }

    static String classpath(String... parts) {
        return String.join(File.pathSeparator, parts);
    }

    static Map<String, String> env(Map<String, String> base, String... extra) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private static String version(String java) throws Exception {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().findFirst().orElse("?");
    }

    private static String codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static Path project() {
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
