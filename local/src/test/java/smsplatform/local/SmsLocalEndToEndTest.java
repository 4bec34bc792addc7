package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/** {@code ./sms-local start} shows what it does, and {@code invoke} answers like {@code sam local invoke}. */
@ResourceLock(SharedStack.APPLICATIONS)
class SmsLocalEndToEndTest {

    static RunningStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(SmsLocalEndToEndTest.class);
    }

    record Invocation(int exitCode, String stdout, String stderr) {}

    static Invocation invoke(String function, Path event) throws Exception {
        Process p = new ProcessBuilder(RunningStack.PROJECT.resolve("sms-local").toString(), "invoke", function,
                "--event", event.toString(), "--data-dir", stack.dataDir.toString()).start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String stdout = read(p.getInputStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Invocation(p.exitValue(), stdout, stderr.get(10, TimeUnit.SECONDS));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default, {@code --prewarm on}: after READY, every function's JVM starts without waiting for a request. */
    @Test
    void everyFunctionStartsInTheBackgroundAfterReadyByDefault() throws Exception {
        List<String> functions = new StackPlan(Template.read(TemplateTest.TEMPLATE), RunningStack.PROJECT, Map.of(), q -> q)
                .functions.stream().map(LocalFunction::logicalId).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (functions.stream().anyMatch(f -> !Files.exists(stack.dataDir.resolve("logs").resolve(f + ".log")))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(functions).isNotEmpty().allSatisfy(f -> assertThat(stack.dataDir.resolve("logs").resolve(f + ".log"))
                .as("%s started", f).exists());
    }

    @Test
    void startingShowsItsPhasesThenReadyAloneOnItsLineWithoutAnyColourCode() {
        List<String> lines = stack.startOutput.lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("sms-local: ")).extracting(l -> l.replaceAll(" in /.*| \\d+ ", " N "))
                .containsSubsequence("sms-local: starting the emulators (DynamoDB, S3, SQS) N ",
                        "sms-local: creating the template's tables, buckets and queues",
                        "sms-local: starting N functions and their event sources");
        assertThat(lines.get(lines.size() - 1)).matches("READY http://127\\.0\\.0\\.1:[0-9]+");
        assertThat(stack.startOutput).doesNotContain("\u001b");
    }

    @Test
    void aTokenMintedWithTheTokenCommandIsAcceptedByTheRunningStackWithItsAccountAndScope() throws Exception {
        Process p = new ProcessBuilder(RunningStack.PROJECT.resolve("sms-local").toString(), "token", "--account",
                "cli-minted", "--type", "INDIVIDUAL", "--reviewer", "--data-dir", stack.dataDir.toString()).start();
        String stdout = read(p.getInputStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(stdout.lines()).as("the token alone on stdout").hasSize(1);
        Map<String, Object> claims = Json.parseObject(new String(Base64.getUrlDecoder().decode(stdout.strip().split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims).containsEntry("account_id", "cli-minted").containsEntry("account_type", "INDIVIDUAL");
        ApiClient client = new ApiClient(stack.baseUrl, stdout.strip());
        assertThat(client.get("/v1/signatures").status()).isEqualTo(200);
        assertThat(client.get("/v1/reviews").status()).as("the reviewer scope").isEqualTo(200);
        assertThat(new ApiClient(stack.baseUrl, stdout.strip() + "x").get("/v1/signatures").status()).isEqualTo(401);
    }

    @Test
    void invokePrintsTheFunctionsLogLinesOnStderrAndItsResponseAloneOnStdout() throws Exception {
        Invocation sweep = invoke("MessageSweeperFunction", RunningStack.PROJECT.resolve("events/message-sweeper-scheduled.json"));
        assertThat(sweep.exitCode()).as(sweep.stderr()).isZero();
        assertThat(sweep.stdout().lines()).hasSize(1);
        assertThat(Json.parseObject(sweep.stdout())).containsKeys("requeued", "failed");
        assertThat(sweep.stderr().lines()).filteredOn(l -> l.startsWith("{"))
                .anySatisfy(l -> assertThat(Json.parseObject(l)).containsEntry("event", "sweep.done"));
    }

    @Test
    void invokeExitsWith1WhenTheFunctionFailsAndSaysWhereItsLogIs(@TempDir Path dir) throws Exception {
        Path event = Files.writeString(dir.resolve("not-an-sqs-event.json"), "{\"Records\": \"none\"}");
        Invocation failed = invoke("ReviewQueueFunction", event);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(Json.parseObject(failed.stdout())).containsKey("errorType");
        assertThat(failed.stderr().lines().toList()).last().asString()
                .startsWith("sms-local: ReviewQueueFunction failed (its log: " + stack.dataDir.resolve("logs"));
    }
}
