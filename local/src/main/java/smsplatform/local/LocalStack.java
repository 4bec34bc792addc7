package smsplatform.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import smsplatform.aws.FaultPoints;
import smsplatform.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The whole product on one machine, as {@code ./sms-local start} runs it. */
public final class LocalStack implements AutoCloseable {

    private final List<AutoCloseable> parts = new ArrayList<>();
    private HttpGateway gateway;
    private StackPlan plan;
    private Endpoints endpoints;
    private FunctionPool.Endpoints functionEndpoints;

    /** Where the pieces of a running stack listen (also written to DATA_DIR/stack.json for 'invoke'). */
    public record Endpoints(int port, String dynamoDb, String s3, String sqs) {}

    /** {@code -Dsms.local.wireLog=true}: logs/aws-wire.log holds every DynamoDB and SQS call of a function (bench/cost). */
    static final String WIRE_LOG_PROPERTY = "sms.local.wireLog";

    /**
     * What {@code ./sms-local start} may set without touching the template: values of the template's
     * parameters, one period for every Schedule event instead of its rate (null: the template's rates),
     * and a fault point where functions pause ({@code POINT:MILLIS}, for crash tests; null: none).
     * {@code enforceIam}: each function's calls are decided by its policy from the template (the default);
     * {@code prewarm}: every function's JVM starts in the background after READY (the default), or else on its first
     * invocation, a cold start as on Lambda (less CPU and memory for a stack that uses a few functions).
     */
    public record Options(Map<String, String> parameterOverrides, Duration scheduleEvery, String pauseAt,
                          boolean enforceIam, boolean prewarm) {
        public static final Options DEFAULTS = new Options(Map.of(), null, null, true, true);
    }

    private LocalStack() {}

    public static LocalStack start(Path projectDir, Path dataDir, int port) throws Exception {
        return start(projectDir, projectDir.resolve("template.yaml"), dataDir, port);
    }

    /** {@code template}'s CodeUri paths are relative to its own folder, as for SAM. IAM is enforced. */
    public static LocalStack start(Path projectDir, Path template, Path dataDir, int port) throws Exception {
        return start(projectDir, template, dataDir, port, Options.DEFAULTS);
    }

    public static LocalStack start(Path projectDir, Path template, Path dataDir, int port, Options options)
            throws Exception {
        return start(projectDir, template, dataDir, port, options, phase -> {});
    }

    /** {@code phases} hears what the start is doing ("starting the emulators…"), for the console. */
    public static LocalStack start(Path projectDir, Path template, Path dataDir, int port, Options options,
                                   Consumer<String> phases) throws Exception {
        LocalStack stack = new LocalStack();
        try {
            stack.boot(projectDir.toAbsolutePath().normalize(), template.toAbsolutePath().normalize(),
                    dataDir.toAbsolutePath().normalize(), port, options, phases);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void boot(Path projectDir, Path templateFile, Path dataDir, int requestedPort, Options options,
                      Consumer<String> phases) throws Exception {
        Files.createDirectories(dataDir);
        lock(dataDir);
        // The gateway's port is the only one asked for: the emulators, gates and functions take free ones.
        HttpServer server = HttpGateway.bind(requestedPort);
        parts.add(() -> {
            if (gateway == null) {
                server.stop(0);
            }
        });
        int port = server.getAddress().getPort();
        Path logs = dataDir.resolve("logs");
        Files.createDirectories(logs);
        Template template = Template.read(templateFile);

        phases.accept("starting the emulators (DynamoDB, S3, SQS) in " + dataDir);
        Dynalite dynalite = Dynalite.start(projectDir, dataDir.resolve("dynamodb"), logs.resolve("dynalite.log"));
        parts.add(dynalite);
        SqsEmulator sqsEmulator = SqsEmulator.start(dataDir.resolve("sqs"));
        parts.add(sqsEmulator);
        plan = new StackPlan(template, templateFile.getParent(), parameters(options.parameterOverrides(), port),
                sqsEmulator::queueUrl);
        IamEnforcement iam = options.enforceIam() ? new IamEnforcement(FunctionPolicies.of(plan), logs) : null;
        AtomicReference<S3EventSource> notifications = new AtomicReference<>();
        S3Emulator s3Emulator = S3Emulator.start(dataDir.resolve("s3"), created -> {
            S3EventSource target = notifications.get();
            if (target != null) {
                target.objectCreated(created);
            }
        }, iam, BucketCors.of(plan));
        parts.add(s3Emulator);
        endpoints = new Endpoints(port, dynalite.endpoint().toString(), s3Emulator.endpoint().toString(),
                sqsEmulator.endpoint().toString());
        String functionDynamoDb = endpoints.dynamoDb();
        String functionSqs = endpoints.sqs();
        if (iam != null) {
            Path wireLog = Boolean.getBoolean(WIRE_LOG_PROPERTY) ? logs.resolve("aws-wire.log") : null;
            AwsJsonGate dynamoGate = new AwsJsonGate(AwsJsonGate.DYNAMODB, dynalite.endpoint(), iam, wireLog);
            parts.add(dynamoGate);
            AwsJsonGate sqsGate = new AwsJsonGate(AwsJsonGate.SQS, sqsEmulator.endpoint(), iam, wireLog);
            parts.add(sqsGate);
            functionDynamoDb = dynamoGate.endpoint().toString();
            functionSqs = sqsGate.endpoint().toString();
        }
        DynamoDbClient dynamo = client(DynamoDbClient.builder(), endpoints.dynamoDb()).build();
        S3Client s3 = client(S3Client.builder(), endpoints.s3()).forcePathStyle(true).build();
        SqsClient sqs = client(SqsClient.builder(), endpoints.sqs()).build();
        parts.add(dynamo);
        parts.add(s3);
        parts.add(sqs);
        phases.accept("creating the template's tables, buckets and queues");
        StackResources.create(plan, dynamo, s3, sqs);
        BucketLifecycle lifecycle = new BucketLifecycle(plan, s3);
        lifecycle.start();
        parts.add(lifecycle);

        phases.accept("starting " + plan.functions.size() + " functions and their event sources");
        CarrierSimulator carrier = new CarrierSimulator(dataDir);
        functionEndpoints = new FunctionPool.Endpoints(functionDynamoDb, endpoints.s3(), functionSqs,
                carrier.secret(), iam != null);
        FunctionPool functions = new FunctionPool(plan, functionEndpoints, logs,
                options.pauseAt() == null ? List.of() : List.of("-D" + FaultPoints.PROPERTY + "=" + options.pauseAt()));
        parts.add(functions);
        CarrierReceipts receipts = new CarrierReceipts(dataDir, plan, functions);
        parts.add(receipts);
        S3EventSource s3Events = new S3EventSource(plan, functions, sqs, sqsEmulator::queueUrl);
        notifications.set(s3Events);
        s3Events.start();
        List<AutoCloseable> sources = new ArrayList<>(List.of(s3Events));
        for (LocalFunction f : plan.functions) {
            for (LocalFunction.SqsTrigger trigger : f.sqsTriggers()) {
                QueueEventSource source = new QueueEventSource(sqs, functions, f, trigger,
                        sqsEmulator.queueUrl(trigger.queueName()));
                source.start();
                sources.add(source);
            }
            for (LocalFunction.ScheduleTrigger trigger : f.schedules()) {
                ScheduleEventSource source = new ScheduleEventSource(functions, f, trigger,
                        options.scheduleEvery() != null ? options.scheduleEvery() : trigger.rate());
                source.start();
                sources.add(source);
            }
        }
        parts.add(() -> CloseTogether.all(sources));
        LocalIssuer issuer = LocalIssuer.open(dataDir, plan.jwtConfig());
        HandsetReplies replies = new HandsetReplies(new LocalTopics(plan, sqs, sqsEmulator::queueUrl), carrier);
        gateway = new HttpGateway(plan, functions, issuer, carrier, receipts, replies, projectDir.resolve("openapi.yaml"),
                logs, server);
        gateway.start();
        parts.add(gateway);
        Map<String, Object> stackFile = new LinkedHashMap<>();
        stackFile.put("port", port);
        stackFile.put("dynamoDb", endpoints.dynamoDb());
        stackFile.put("s3", endpoints.s3());
        stackFile.put("sqs", endpoints.sqs());
        stackFile.put("pid", ProcessHandle.current().pid());
        stackFile.put("carrierSecret", carrier.secret()); // for './sms-local invoke DeliveryFunction'
        stackFile.put("parameterOverrides", options.parameterOverrides());
        // What functions are given: with IAM enforced, DynamoDB and SQS through their gates, one key each.
        stackFile.put("functionDynamoDb", functionEndpoints.dynamoDb());
        stackFile.put("functionSqs", functionEndpoints.sqs());
        stackFile.put("iam", functionEndpoints.iamEnforced());
        PrivateFiles.write(dataDir.resolve(StackFile.NAME), Json.write(stackFile).getBytes(StandardCharsets.UTF_8));
        if (options.prewarm()) {
            functions.prewarm();
        }
        receipts.resume(carrier.accepted());
    }

    /** The user's parameter values, and where the carrier simulator listens (the delivery function posts there). */
    static Map<String, String> parameters(Map<String, String> overrides, int port) {
        Map<String, String> parameters = new LinkedHashMap<>(overrides);
        parameters.put("CarrierSimulatorUrl", "http://127.0.0.1:" + port + "/local/carrier/messages");
        parameters.putIfAbsent("CallbackAllowLoopback", "true"); // receivers on this machine, over http
        parameters.putIfAbsent("ConsoleOrigin", "http://127.0.0.1:" + port); // the gateway serves /console/
        return parameters;
    }

    private void lock(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve(StackFile.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw SmsLocalRefusal.state("another sms-local is running with data dir " + dataDir
                    + ": stop it, or give this one another --data-dir");
        }
        FileLock held = lock;
        parts.add(() -> {
            held.release();
            channel.close();
        });
    }

    static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B client(B builder, String endpoint) {
        return builder.region(Region.of(StackPlan.REGION)).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create());
    }

    public int port() {
        return gateway.port();
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** A function's deployment artifact, handler and the environment the running stack gives it. */
    public record FunctionSpec(String logicalId, Path artifact, String handler, Map<String, String> environment) {}

    public List<FunctionSpec> functions() {
        return plan.functions.stream().map(f -> new FunctionSpec(f.logicalId(), f.artifact(), f.handler(),
                FunctionPool.environment(f, functionEndpoints))).toList();
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            AutoCloseable part = parts.get(i);
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("sms-local: stopping " + part.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        parts.clear();
    }
}
