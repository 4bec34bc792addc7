package smsplatform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import smsplatform.domain.AccountId;
import smsplatform.json.Json;
import smsplatform.local.LocalStack;

/**
 * Cold starts: per first invocation, a traced run (which AWS calls it makes, for the SDK floor),
 * then {@code runs} fresh JVMs each (after one discarded warm-up for the file cache) for the JVM
 * floor (once per function), the SDK floor, the function, and the function primed as SnapStart
 * primes it (HTTP functions).
 */
final class ColdStarts {

    record Result(Bench.Scenario scenario, List<String> calls, List<Probes.Run> jvm, List<Probes.Run> sdk,
                  List<Probes.Run> function, List<Probes.Run> primed) {}

    private final String java;
    private final int runs;
    private final Path project;
    private final Path work;
    private final Seeds seeds;
    private final String probeClasses;
    private final String serialization;
    private final Path trace;
    private final Map<String, List<Probes.Run>> jvmFloors = new HashMap<>();
    private int accounts;

    ColdStarts(String java, int runs, Path project, Path work, Seeds seeds, String probeClasses, String serialization,
               Path trace) {
        this.java = java;
        this.runs = runs;
        this.project = project;
        this.work = work;
        this.seeds = seeds;
        this.probeClasses = probeClasses;
        this.serialization = serialization;
        this.trace = trace;
    }

    Result measure(LocalStack.FunctionSpec f, Bench.Scenario s) throws Exception {
        System.err.println("bench: " + s.function() + " - " + s.firstInvocation());
        String classpath = Bench.classpath(f.artifact().toString(), probeClasses, serialization);
        Probes.Run traced = traced(f, s);
        List<Probes.Run> jvm = jvmFloors.get(f.logicalId());
        if (jvm == null) {
            jvm = repeat(() -> Probes.coldStart(java, classpath, f.environment(), "smsplatform.bench.JvmFloorHandler", sample(s), false));
            jvmFloors.put(f.logicalId(), jvm);
        }
        Map<String, String> floorEnv = Bench.env(f.environment(), "BENCH_CALLS", String.join(",", traced.calls()));
        List<Probes.Run> sdk = repeat(() -> Probes.coldStart(java, classpath, floorEnv, "smsplatform.bench.SdkFloorHandler",
                sample(s), false));
        List<Probes.Run> function = repeat(() -> expect(s, Probes.coldStart(java, classpath, f.environment(), f.handler(),
                event(s), false)));
        List<Probes.Run> primed = s.status().equals("-") ? List.of()
                : repeat(() -> expect(s, Probes.coldStart(java, classpath, f.environment(), f.handler(), event(s), true)));
        return new Result(s, traced.calls(), jvm, sdk, function, primed);
    }

    /** A run with the call trace on: the AWS calls the first invocation makes, for its SDK floor. */
    Probes.Run traced(LocalStack.FunctionSpec f, Bench.Scenario s) throws Exception {
        String classpath = Bench.classpath(f.artifact().toString(), probeClasses, serialization, trace.toString());
        return expect(s, Probes.coldStart(java, classpath, f.environment(), f.handler(), event(s), false));
    }

    interface Measurement {
        Probes.Run run() throws Exception;
    }

    private List<Probes.Run> repeat(Measurement m) throws Exception {
        List<Probes.Run> results = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            Probes.Run r = m.run();
            if (i > 0) {
                results.add(r);
            }
        }
        return results;
    }

    static Probes.Run expect(Bench.Scenario s, Probes.Run r) {
        if (!r.status().equals(s.status())) {
            throw new IllegalStateException(s.firstInvocation() + ": expected status " + s.status() + ", got " + r.status() + ":\n" + r.output());
        }
        return r;
    }

    /** The sample event as it is, for the floors (which ignore it): nothing seeded that no run consumes. */
    String sample(Bench.Scenario s) {
        return project.resolve("events").resolve(s.event()).toString();
    }

    /** The scenario's sample event; for a seeded scenario a copy naming what was seeded for this run. */
    String event(Bench.Scenario s) throws Exception {
        Path sample = project.resolve("events").resolve(s.event());
        if (s.seed() == Bench.Seed.NONE) {
            return sample.toString();
        }
        AccountId account = new AccountId("bench-" + (++accounts));
        String text = Files.readString(sample);
        String event = switch (s.seed()) {
            case ACCOUNT, APPROVED_SIGN -> {
                if (s.seed() == Bench.Seed.APPROVED_SIGN) {
                    seeds.approvedSender(account);
                }
                if (!text.contains("\"account_id\": \"acme\"")) {
                    throw new IllegalStateException(s.event() + " no longer names the account acme");
                }
                yield text.replace("\"account_id\": \"acme\"", "\"account_id\": \"" + account + "\"");
            }
            case SIGNATURE_IN_REVIEW -> sqsBody(s, text, seeds.reviewerApproval(account));
            case QUEUED_MESSAGE -> sqsBody(s, text, seeds.queuedMessage(account));
            case NONE -> throw new AssertionError();
        };
        Path copy = work.resolve(account + "-" + s.event());
        Files.writeString(copy, event);
        return copy.toString();
    }

    /** The sample SQS event with its one record's body replaced. */
    @SuppressWarnings("unchecked")
    private static String sqsBody(Bench.Scenario s, String sample, String body) {
        Map<String, Object> event = Json.parseObject(sample);
        List<Map<String, Object>> records = (List<Map<String, Object>>) event.get("Records");
        if (records == null || records.size() != 1) {
            throw new IllegalStateException(s.event() + " no longer holds one SQS record");
        }
        records.get(0).put("body", body);
        return Json.write(event);
    }

    static void printColdStarts(List<Result> results) {
        System.out.println();
        System.out.println("| function: first invocation | AWS calls (SDK floor makes the same) | JVM floor ms | SDK floor ms"
                + " | function ms (min-max) | x SDK floor | target | x JVM floor | classes fn / SDK / JVM | peak RSS MB fn / SDK / JVM |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            long jvm = Bench.median(r.jvm(), Probes.Run::wallMs);
            long sdk = Bench.median(r.sdk(), Probes.Run::wallMs);
            long fn = Bench.median(r.function(), Probes.Run::wallMs);
            long min = r.function().stream().mapToLong(Probes.Run::wallMs).min().orElseThrow();
            long max = r.function().stream().mapToLong(Probes.Run::wallMs).max().orElseThrow();
            double target = target(r.scenario());
            double ratio = fn / (double) sdk;
            System.out.printf("| %s: %s | %s | %d | %d | %d (%d-%d) | %.2f | <= %.1f %s | %.2f | %d / %d / %d | %d / %d / %d |%n",
                    r.scenario().function(), r.scenario().firstInvocation(), summary(r.calls()), jvm, sdk, fn, min, max,
                    ratio, target, ratio <= target ? "met" : "MISSED", fn / (double) jvm,
                    Bench.median(r.function(), Probes.Run::classes), Bench.median(r.sdk(), Probes.Run::classes),
                    Bench.median(r.jvm(), Probes.Run::classes),
                    Bench.median(r.function(), Probes.Run::rssMb), Bench.median(r.sdk(), Probes.Run::rssMb),
                    Bench.median(r.jvm(), Probes.Run::rssMb));
        }
    }

    /** Issues #7 and #14: SendSms, signature and template submission within 1.3 x their SDK floor, the rest 1.5 x. */
    static double target(Bench.Scenario s) {
        boolean critical = s.firstInvocation().startsWith("POST /v1/signatures")
                || s.firstInvocation().startsWith("POST /v1/templates")
                || s.firstInvocation().startsWith("POST /v1/sms/send: 2 numbers sent");
        return critical ? 1.3 : 1.5;
    }

    static void printPriming(List<Result> results) {
        System.out.println();
        System.out.println("| function: first invocation | priming ms | classes after init: plain / primed"
                + " | classes the handler's first invocation loads: plain / after priming | covered by priming"
                + " | handler's first invocation ms: plain / after priming |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : results) {
            if (r.primed().isEmpty()) {
                continue;
            }
            long plainInit = Bench.median(r.function(), Probes.Run::classesAfterInit);
            long primedInit = Bench.median(r.primed(), Probes.Run::classesAfterInit);
            long plainLoads = Bench.median(r.function(), Probes.Run::handlerClasses);
            long primedLoads = Bench.median(r.primed(), Probes.Run::handlerClasses);
            System.out.printf("| %s: %s | %d | %d / %d | %d / %d | %.0f %% | %d / %d |%n", r.scenario().function(),
                    r.scenario().firstInvocation(), Bench.median(r.primed(), Probes.Run::primingMs), plainInit, primedInit,
                    plainLoads, primedLoads, 100.0 * (plainLoads - primedLoads) / plainLoads,
                    Bench.median(r.function(), Probes.Run::handlerMs), Bench.median(r.primed(), Probes.Run::handlerMs));
        }
    }

    /** "DynamoDb:GetItem x3, Sqs:SendMessageBatch", in order of first use. */
    static String summary(List<String> calls) {
        Map<String, Long> counts = calls.stream().collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
    }
}
