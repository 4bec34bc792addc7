package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sms-local} explains itself: usage without building anything, one line and exit code 2 for a mistake. */
class SmsLocalCommandLineTest {

    record Run(int exitCode, String output) {}

    static Run run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", RunningStack.PROJECT.resolve("sms-local").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
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
                {"start", "--schedule-every", "0"},
                {"invoke", "DeliveryFunction", "--event"}}) {
            Run wrong = run(Map.of(), args);
            assertThat(wrong.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(wrong.output().lines()).as(wrong.output()).hasSize(1);
            assertThat(wrong.output()).startsWith("sms-local: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
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
        Map<String, Object> claims = smsplatform.json.Json.parseObject(new String(
                java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims).containsEntry("iss", "https://id.example.com/").containsEntry("aud", "console");
    }
}
