package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -q} prints nothing when all is well, as the launcher's first-run build relies on. Maven 3.8's jansi
 * console writes a colour reset ({@code ESC[0m}) at start and exit even with {@code -B}; {@code .mvn/jvm.config}
 * sets {@code jansi.noreset} ("the attributes won't be reset when the streams are uninstalled", jansi's
 * AnsiConsole, https://github.com/fusesource/jansi/blob/master/src/main/java/org/fusesource/jansi/AnsiConsole.java).
 */
class QuietBuildTest {

    @Test
    void aQuietMavenRunPrintsNothingNotEvenColourResets() throws Exception {
        Process mvn = new ProcessBuilder("mvn", "-B", "-o", "-q", "-N", "validate").directory(RunningStack.PROJECT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mvn.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(mvn.exitValue()).as(output).isZero();
        assertThat(output).isEmpty();
    }
}
