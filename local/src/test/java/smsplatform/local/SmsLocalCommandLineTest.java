package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.json.Json;

/**
 * {@code ./sms-local} explains itself: usage without building anything, one line and exit code 2 for a mistake,
 * 1 for what the state of things prevents (a port in use, no running stack).
 */
class SmsLocalCommandLineTest {

    record Run(int exitCode, String output) {}

    static Run run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", RunningStack.PROJECT.resolve("sms-local").toString()));
        command.addAll(List.of(args));
        // From the project directory, as the README's examples run it (events/FILE.json).
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(RunningStack.PROJECT.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    @Test
    void noArgumentsAndHelpPrintTheUsageWithoutJavaOrMavenOnThePath() throws Exception {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h"}, {"help"}}) {
            Run help = run(Map.of("PATH", "/nonexistent"), args);
            assertThat(help.exitCode()).as(help.output()).isZero();
            assertThat(help.output()).startsWith("usage: ./sms-local start").contains("./sms-local token")
                    .contains("./sms-local invoke");
        }
    }

    @Test
    void helpAnywhereOnTheLinePrintsTheUsageWithoutBuilding() throws Exception {
        for (String[] args : new String[][] {{"invoke", "--help"}, {"start", "--port", "1", "-h"}}) {
            Run help = run(Map.of("PATH", "/nonexistent"), args);
            assertThat(help.exitCode()).as(help.output()).isZero();
            assertThat(help.output()).startsWith("usage: ./sms-local start");
        }
    }

    @Test
    void theUsageListsExactlyTheFunctionsTheLocalStackRuns() throws Exception {
        String usage = run(Map.of("PATH", "/nonexistent"), "--help").output();
        List<String> listed = List.of(usage.substring(usage.indexOf("LOGICAL_ID:") + "LOGICAL_ID:".length()).trim().split("\\s+"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(localFunctions());
    }

    static List<String> localFunctions() throws Exception {
        return new StackPlan(Template.read(RunningStack.PROJECT.resolve("template.yaml")), RunningStack.PROJECT, Map.of(),
                q -> q).functions.stream().map(LocalFunction::logicalId).toList();
    }

    @Test
    void anUnknownCommandIsOneLineAndExitCode2() throws Exception {
        Run unknown = run(Map.of("PATH", "/nonexistent"), "strat");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output().lines()).containsExactly(
                "sms-local: unknown command 'strat': use start, token or invoke (--help for usage)");
    }

    @Test
    void anUnknownOrIncompleteOptionIsOneLineAndExitCode2NeverAStackTrace() throws Exception {
        for (String[] args : new String[][] {
                {"token", "--acount", "acme", "--type", "ENTERPRISE"},
                {"start", "--iam", "maybe"},
                {"start", "--prewarm", "no"},
                {"start", "--schedule-every", "0"},
                {"start", "--schedule-every", "soon"},
                {"start", "--port", "http"},
                {"start", "--port", "70000"},
                {"start", "extra"},
                {"token", "--type", "ENTERPRISE"},
                {"token", "--account", "acme.co", "--type", "ENTERPRISE"},
                {"token", "--account", "acme", "--type", "ENTERPRISE", "--reviewer", "yes"},
                {"invoke", "DeliveryFunction", "--event"},
                {"invoke", "DeliveryFunction", "--event", "no-such-event.json"}}) {
            Run wrong = run(Map.of(), args);
            assertThat(wrong.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(wrong.output().lines()).as(wrong.output()).hasSize(1);
            assertThat(wrong.output()).startsWith("sms-local: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void invokeWithoutOrWithAWrongLogicalIdListsTheValidOnes() throws Exception {
        for (String[] args : new String[][] {{"invoke", "--event", "events/send-sms.json"},
                {"invoke", "SendSms", "--event", "events/send-sms.json"}}) {
            Run wrong = run(Map.of(), args);
            assertThat(wrong.exitCode()).as(wrong.output()).isEqualTo(2);
            assertThat(wrong.output().lines()).hasSize(1);
            assertThat(wrong.output()).contains(String.join(", ", localFunctions()));
        }
    }

    @Test
    void aPortInUseIsNamedWithAnotherToTakeBeforeAnythingStarts(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run start = run(Map.of(), "start", "--port", Integer.toString(taken.getLocalPort()), "--data-dir", dataDir.toString());
            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.output().lines()).as(start.output()).hasSize(1);
            assertThat(start.output()).startsWith("sms-local: port " + taken.getLocalPort() + " is in use")
                    .containsPattern("--port [0-9]+$");
        }
        try (var started = Files.list(dataDir)) {
            assertThat(started.map(f -> f.getFileName().toString())).as("nothing started").containsOnly(StackFile.LOCK);
        }
    }

    @Test
    void invokeWithoutARunningStackSaysSoAndExits1(@TempDir Path dataDir) throws Exception {
        Run none = run(Map.of(), "invoke", "MessageSweeperFunction", "--event", "events/message-sweeper-scheduled.json",
                "--data-dir", dataDir.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.output().lines()).containsExactly("sms-local: no stack is running with data dir " + dataDir
                + ": start it with ./sms-local start");
    }

    @Test
    void aStaleStackFileAfterAStopOrAKillIsExplainedByInvokeAndToken(@TempDir Path dataDir) throws Exception {
        LocalIssuer.open(dataDir, null); // what a stack that ran left behind: its keys, stack.json and lock file
        Files.writeString(dataDir.resolve(StackFile.NAME), "{\"port\": 3999, \"pid\": 999999, \"parameterOverrides\": {}}");
        Files.writeString(dataDir.resolve(StackFile.LOCK), "");
        String stale = "sms-local: the stack that ran with data dir " + dataDir
                + " (pid 999999, port 3999) has stopped or was killed; its stack.json is stale: ";
        Run invoke = run(Map.of(), "invoke", "MessageSweeperFunction", "--event", "events/message-sweeper-scheduled.json",
                "--data-dir", dataDir.toString());
        assertThat(invoke.exitCode()).isEqualTo(1);
        assertThat(invoke.output().lines()).containsExactly(stale + "start it again with ./sms-local start");
        Run token = run(Map.of(), "token", "--account", "acme", "--type", "ENTERPRISE", "--data-dir", dataDir.toString());
        assertThat(token.exitCode()).isZero();
        assertThat(token.output().lines().toList()).hasSize(2)
                .startsWith(stale + "this token is for its next start with the same --parameter-overrides");
    }

    @Test
    void aRunningStackIsToldByItsDataDirLockNotByItsStackFile(@TempDir Path dataDir) throws Exception {
        LocalIssuer.open(dataDir, null);
        Files.writeString(dataDir.resolve(StackFile.NAME), "{\"port\": 3999, \"pid\": 999999, \"parameterOverrides\": {}}");
        try (FileChannel channel = FileChannel.open(dataDir.resolve(StackFile.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            Run token = run(Map.of(), "token", "--account", "acme", "--type", "ENTERPRISE", "--data-dir", dataDir.toString());
            assertThat(token.exitCode()).isZero();
            assertThat(token.output().lines()).as("no notice: a stack holds the lock").hasSize(1);
        }
    }

    @Test
    void theReadmeNamesTheFunctionToInvokeWithEverySampleEvent() throws Exception {
        String readme = Files.readString(RunningStack.PROJECT.resolve("README.md"));
        List<String> functions = localFunctions();
        try (var events = Files.list(RunningStack.PROJECT.resolve("events"))) {
            for (String event : events.map(e -> e.getFileName().toString()).sorted().toList()) {
                Matcher row = Pattern.compile("^\\| `events/" + Pattern.quote(event) + "` \\| `(\\w+)` \\|", Pattern.MULTILINE)
                        .matcher(readme);
                assertThat(row.find()).as("README row for events/" + event).isTrue();
                assertThat(functions).as(event).contains(row.group(1));
            }
        }
    }

    @Test
    void anSqsConsumersFailedBatchItemsAreCountedForTheExitCode() {
        assertThat(SmsLocal.batchItemFailures("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"},{\"itemIdentifier\":\"m2\"}]}"))
                .isEqualTo(2);
        assertThat(SmsLocal.batchItemFailures("{\"batchItemFailures\":[]}")).isZero();
        assertThat(SmsLocal.batchItemFailures("{\"statusCode\":200}")).isZero();
        assertThat(SmsLocal.batchItemFailures("not json")).isZero();
    }

    @Test
    void aTokenForADataDirNoStackHasUsedIsRefusedAndNoKeyIsMade(@TempDir Path dataDir) throws Exception {
        Run token = run(Map.of(), "token", "--account", "acme", "--type", "ENTERPRISE", "--data-dir", dataDir.toString());
        assertThat(token.exitCode()).isEqualTo(2);
        assertThat(token.output().lines()).containsExactly("sms-local: no stack has run with data dir " + dataDir
                + ": start it first with ./sms-local start");
        assertThat(dataDir.resolve("jwt")).doesNotExist();
    }

    @Test
    void aTokenCarriesTheIssuerAndAudienceTheStackWasStartedWith(@TempDir Path dataDir) throws Exception {
        LocalIssuer.open(dataDir, null); // the keys a stack makes at its first start
        Files.writeString(dataDir.resolve("stack.json"), "{\"parameterOverrides\": {\"JwtIssuer\": "
                + "\"https://id.example.com/\", \"JwtAudience\": \"console\"}}");
        Run token = run(Map.of(), "token", "--account", "acme", "--type", "ENTERPRISE", "--data-dir", dataDir.toString());
        assertThat(token.exitCode()).as(token.output()).isZero();
        String jwt = token.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        Map<String, Object> claims = Json.parseObject(new String(
                Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims).containsEntry("iss", "https://id.example.com/").containsEntry("aud", "console");
    }
}
