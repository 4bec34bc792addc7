package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.json.Json;

/** A function's container reports the template's Timeout and MemorySize, and function errors as well-formed JSON. */
class FunctionRunnerTest {

    @TempDir
    Path dir;

    /** A deployment artifact holding the probe handler and the Lambda core interfaces, as a function jar would. */
    Path artifact() throws Exception {
        Path jar = dir.resolve("probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            String probe = ContextProbeHandler.class.getName().replace('.', '/') + ".class";
            try (InputStream in = ContextProbeHandler.class.getClassLoader().getResourceAsStream(probe)) {
                out.putNextEntry(new JarEntry(probe));
                in.transferTo(out);
            }
            try (JarFile core = new JarFile(codeSource(RequestHandler.class).toFile())) {
                for (JarEntry entry : List.copyOf(core.stream().filter(e -> e.getName().endsWith(".class")).toList())) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = core.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
            }
        }
        return jar;
    }

    static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theContextReportsTheTemplatesTimeoutAndMemoryAndAFailureIsWellFormedJson() throws Exception {
        LocalFunction function = new LocalFunction("ProbeFunction", artifact(), ContextProbeHandler.class.getName()
                + "::handleRequest", 7, 384, Map.of(), List.of(), List.of(), List.of(), List.of(), 2, null);
        Map<String, String> environment = Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "384",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Path log = dir.resolve("probe.log");
        try (FunctionProcess process = new FunctionProcess(function, environment, log)) {
            FunctionProcess.Result seen;
            try {
                seen = process.invoke("{}");
            } catch (IllegalStateException notStarted) {
                throw new AssertionError(Files.exists(log) ? Files.readString(log) : "no log", notStarted);
            }
            Map<String, Object> context = Json.parseObject(seen.payload());
            assertThat(((Number) context.get("memoryMb")).intValue()).isEqualTo(384);
            assertThat(((Number) context.get("remainingMillis")).intValue()).isBetween(5_000, 7_000);

            String message = "a \"quoted\" \\\\ path\nand a second line";
            FunctionProcess.Result failed = process.invoke(Json.write(Map.of("fail", message)));
            assertThat(failed.functionError()).isTrue();
            Map<String, Object> error = Json.parseObject(failed.payload());
            assertThat(error).containsEntry("errorType", IllegalStateException.class.getName())
                    .containsEntry("errorMessage", message);
        }
    }
}
