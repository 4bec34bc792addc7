package smsplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** bench/cost's arithmetic (item sizes, request units, 64 KB chunks, GB-seconds, prices) on examples worked by hand. */
class CostFormulaTest {

    @Test
    void theCostFormulaPassesItsHandComputedExamples() throws Exception {
        Process check = new ProcessBuilder("python3", Path.of("cost").toAbsolutePath().toString(), "--check")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("all checks passed");
    }
}
