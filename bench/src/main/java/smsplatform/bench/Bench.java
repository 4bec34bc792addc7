package smsplatform.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * [warm-up invocations (200)]; {@code -Dbench.only=<text>} keeps the first invocations whose
 * "function: first invocation" contains it, {@code -Dbench.warm=false} skips the warm path.
 */
public final class Bench {

    /**
     * A first invocation: the function, what it does, its sample event, whether it runs as a fresh
     * account (one per run, so every run creates or sends) holding an APPROVED "Acme Cloud" and template, and the
     * HTTP status it must answer ("-" for queue and S3 consumers).
     */
    record Scenario(String function, String firstInvocation, String event, boolean freshAccount,
                    boolean approvedSign, String status) {}

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("SignaturesApiFunction", "POST /v1/signatures: submission", "signatures-api-submit.json", true, false, "201"),
            new Scenario("SignaturesApiFunction", "POST /v1/templates: submission", "templates-api-submit.json", true, false, "201"),
            new Scenario("SignaturesApiFunction", "GET /v1/signatures", "signatures-api-list.json", false, false, "200"),
            new Scenario("CertificateCheckFunction", "upload of a key of no signature", "certificate-check-object-created.json", false, false, "-"),
            new Scenario("ReviewQueueFunction", "automatic review, signature gone", "review-queue-automatic-review.json", false, false, "-"),
            new Scenario("ReviewerApiFunction", "GET /v1/reviews", "reviewer-api-list-reviews.json", false, false, "200"),
            new Scenario("SendSmsFunction", "POST /v1/sms/send: 2 numbers sent with a template", "send-sms.json", true, true, "200"),
            new Scenario("SendSmsFunction", "POST /v1/sms/send: sign not approved", "send-sms.json", false, false, "400"),
            new Scenario("DeliveryFunction", "message that does not exist", "delivery-outbound-messages.json", false, false, "-"));

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
                List<ColdStarts.Result> results = new ArrayList<>();
                String only = System.getProperty("bench.only", "");
                for (Scenario s : SCENARIOS) {
                    if ((s.function() + ": " + s.firstInvocation()).contains(only)) {
                        results.add(cold.measure(functions.get(s.function()), s));
                    }
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

    private static void delete(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
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
