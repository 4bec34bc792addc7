package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
}
