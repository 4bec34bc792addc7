package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import smsplatform.json.Json;

/** Runs the console's own ES modules under Node, as the browser loads them, to compare them with the API's Java rules. */
final class ConsoleModules {

    private ConsoleModules() {}

    /**
     * Copies {@code modules} (from the console's jar) and {@code inputs} (as inputs.json) into {@code dir}, runs
     * {@code script} there (it reads {@code inputs} and prints one JSON value) and returns what it printed.
     */
    static List<?> run(Path dir, List<String> modules, Object inputs, String script) throws Exception {
        for (String module : modules) {
            try (InputStream in = ConsoleModules.class.getClassLoader().getResourceAsStream("console/" + module)) {
                Files.copy(in, dir.resolve(module));
            }
        }
        Files.writeString(dir.resolve("inputs.json"), Json.write(inputs));
        Files.writeString(dir.resolve("check.mjs"), "import { readFileSync } from 'node:fs';\n"
                + "const inputs = JSON.parse(readFileSync(new URL('./inputs.json', import.meta.url), 'utf8'));\n" + script);
        Process node = new ProcessBuilder("node", dir.resolve("check.mjs").toString()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        return (List<?>) Json.parse(out.trim());
    }
}
