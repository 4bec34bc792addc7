package smsplatform.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import smsplatform.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local stack started exactly as a user starts it: {@code ./sms-local start} in a child process,
 * ready when it prints {@code READY http://127.0.0.1:PORT}.
 */
final class RunningStack implements AutoCloseable {

    static final Path PROJECT = projectDir();

    final Path dataDir;
    final String baseUrl;
    /** What {@code start} printed up to and including its READY line (stdout and stderr). */
    final String startOutput;
    private final Process process;
    private DynamoDbClient dynamo;

    private RunningStack(Path dataDir, String baseUrl, String startOutput, Process process) {
        this.dataDir = dataDir;
        this.baseUrl = baseUrl;
        this.startOutput = startOutput;
        this.process = process;
    }

    static RunningStack start(Path dataDir, String... extraArguments) throws Exception {
        Files.createDirectories(dataDir);
        Path output = dataDir.resolve("sms-local.out");
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("sms-local").toString(), "start",
                "--port", "0", "--data-dir", dataDir.toString()));
        if (!List.of(extraArguments).contains("--prewarm")) {
            // A test's own stack uses a few of the functions: the others' JVMs never start (CPU for the classes beside).
            command.addAll(List.of("--prewarm", "off"));
        }
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.startsWith("READY ")) {
                        Thread drain = new Thread(() -> drain(out, output));
                        drain.setDaemon(true);
                        drain.start();
                        return line.substring("READY ".length()).trim();
                    }
                }
                throw new IllegalStateException("sms-local exited before READY:\n" + seen);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String url = ready.get(180, TimeUnit.SECONDS);
            return new RunningStack(dataDir, url, seen.toString(), process);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static void drain(BufferedReader out, Path file) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException ignored) {
            // stopped
        }
    }

    /** The JSON lines of a function's log (the runtime's own lines, not JSON, are left out). */
    List<Map<String, Object>> logLines(String function) throws IOException {
        Path log = dataDir.resolve("logs/" + function + ".log");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("{") && l.endsWith("}"))
                .map(Json::parseObject).toList();
    }

    /**
     * The lines of {@code function}'s log that {@code filter} keeps, once {@code enough} holds of them (or after
     * {@code timeout}): the stack copies a function's output to its log as it comes, so a line can land just after
     * the answer or the status that followed it.
     */
    List<Map<String, Object>> awaitLogLines(String function, Predicate<Map<String, Object>> filter,
            Predicate<List<Map<String, Object>>> enough, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Map<String, Object>> kept = logLines(function).stream().filter(filter).toList();
            if (enough.test(kept) || System.nanoTime() > deadline) {
                return kept;
            }
            Thread.sleep(100);
        }
    }

    /** Size of the account's signature quota registry, read straight from the stack's DynamoDB. */
    int registrySize(String account) throws IOException {
        return registrySize(account, "REGISTRY");
    }

    /** Size of one of the account's quota registries ({@code REGISTRY}, {@code TEMPLATE_REGISTRY}). */
    int registrySize(String account, String registry) throws IOException {
        Map<String, Object> endpoints = Json.parseObject(Files.readString(dataDir.resolve("stack.json")));
        try (DynamoDbClient dynamo = LocalStack.client(DynamoDbClient.builder(), (String) endpoints.get("dynamoDb")).build()) {
            var item = dynamo.getItem(b -> b.tableName("SmsTable").consistentRead(true).key(Map.of(
                    "pk", AttributeValue.fromS("ACCOUNT#" + account), "sk", AttributeValue.fromS(registry)))).item();
            return item == null || !item.containsKey("ids") ? 0 : item.get("ids").ss().size();
        }
    }

    /** The account's messages as recorded, read straight from the stack's DynamoDB: serial number to item. */
    Map<String, Map<String, AttributeValue>> messages(String account) throws IOException {
        Map<String, Map<String, AttributeValue>> messages = new TreeMap<>();
        dynamo().queryPaginator(b -> b.tableName("SmsTable").consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :sms)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACCOUNT#" + account),
                        ":sms", AttributeValue.fromS("SMS#")))).items()
                .forEach(item -> messages.put(item.get("serialNo").s(), item));
        return messages;
    }

    private synchronized DynamoDbClient dynamo() throws IOException {
        if (dynamo == null) {
            Map<String, Object> endpoints = Json.parseObject(Files.readString(dataDir.resolve("stack.json")));
            dynamo = LocalStack.client(DynamoDbClient.builder(), (String) endpoints.get("dynamoDb")).build();
        }
        return dynamo;
    }

    /** Like Ctrl-C: the stack shuts down in order. */
    @Override
    public void close() throws InterruptedException {
        closeDynamo();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Like a crash: no shutdown hooks run. */
    void kill() throws InterruptedException {
        closeDynamo();
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        // The launcher exec's java, so the JVM is this process; give its children a moment to notice.
        Thread.sleep(500);
    }

    private synchronized void closeDynamo() {
        if (dynamo != null) {
            dynamo.close();
            dynamo = null;
        }
    }

    private static Path projectDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
