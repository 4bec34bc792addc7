package smsplatform.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.json.Json;

/** Every function of the template, each in its own JVM, started on first use. */
final class FunctionPool implements AutoCloseable {

    private final StackPlan plan;
    private final Endpoints endpoints;
    private final Path logs;
    private final List<String> jvmOptions;
    /** With {@code -Dsms.local.wireLog=true}, where each invocation is written (bench/cost); else null. */
    private final Path invocationLog;
    private final Map<String, FunctionProcess> processes = new ConcurrentHashMap<>();

    /**
     * Where the emulators listen, and the secret the carrier simulator takes from this start's delivery
     * function; functions get them only through environment variables.
     */
    record Endpoints(String dynamoDb, String s3, String sqs, String carrierSecret, boolean iamEnforced) {}

    /** The queue (or other source) an event came from, for the cost bench's count of event source requests. */
    private static final Pattern EVENT_SOURCE = Pattern.compile("\"eventSourceARN\"\\s*:\\s*\"([^\"]+)\"");

    /** {@code jvmOptions}: given to every function's JVM (sms-local's fault points; none normally). */
    FunctionPool(StackPlan plan, Endpoints endpoints, Path logs, List<String> jvmOptions) {
        this.plan = plan;
        this.endpoints = endpoints;
        this.logs = logs;
        this.invocationLog = Boolean.getBoolean(LocalStack.WIRE_LOG_PROPERTY) ? logs.resolve("invocations.log") : null;
        this.jvmOptions = jvmOptions;
    }

    /** The environment Lambda would give the function, plus the SDK's endpoint variables for the emulators. */
    static Map<String, String> environment(LocalFunction function, Endpoints endpoints) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", StackPlan.REGION);
        env.put("AWS_DEFAULT_REGION", StackPlan.REGION);
        // With IAM enforced, the key id names the function: every call it signs is decided by its own policy.
        env.put("AWS_ACCESS_KEY_ID", endpoints.iamEnforced() ? IamEnforcement.accessKeyId(function.logicalId())
                : S3Emulator.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3Emulator.SECRET_KEY);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb());
        env.put(FunctionEnvironment.AWS_ENDPOINT_URL_S3, endpoints.s3());
        env.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs());
        env.put(FunctionEnvironment.S3_FORCE_PATH_STYLE, "true");
        env.putAll(function.environment());
        if (function.environment().containsKey(FunctionEnvironment.CARRIER_SIMULATOR_URL)) {
            env.put(FunctionEnvironment.CARRIER_SIMULATOR_SECRET, endpoints.carrierSecret());
        }
        return env;
    }

    FunctionProcess.Result invoke(String logicalId, String eventJson) throws IOException, InterruptedException {
        long start = System.nanoTime();
        FunctionProcess.Result result = process(logicalId).invoke(eventJson);
        if (invocationLog != null) {
            Matcher source = EVENT_SOURCE.matcher(eventJson);
            LogLines.append(invocationLog, Json.write(Map.of("function", logicalId,
                    "ms", (System.nanoTime() - start) / 1_000_000.0, "failed", result.functionError(),
                    "source", source.find() ? source.group(1) : "")));
        }
        return result;
    }

    private FunctionProcess process(String logicalId) {
        return processes.computeIfAbsent(logicalId, id -> {
            LocalFunction function = plan.function(id);
            return new FunctionProcess(function, environment(function, endpoints), logs.resolve(id + ".log"), jvmOptions);
        });
    }

    /** Starts every function's JVM in the background, so the first requests find them warm. */
    void prewarm() {
        for (LocalFunction f : plan.functions) {
            Thread t = new Thread(() -> {
                try {
                    process(f.logicalId()).ensureStarted();
                } catch (Exception e) {
                    System.err.println("sms-local: " + f.logicalId() + " failed to start: " + e.getMessage());
                }
            }, "prewarm-" + f.logicalId());
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void close() throws InterruptedException {
        CloseTogether.all(processes.values());
    }
}
