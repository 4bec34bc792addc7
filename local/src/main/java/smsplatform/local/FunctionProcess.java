package smsplatform.local;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import smsplatform.local.runner.FunctionRunner;

/**
 * The parent side of one function's container: starts its JVM on first use (a cold start), with the
 * function's deployment artifact and exactly the environment the template gives it, and invokes it.
 */
final class FunctionProcess implements AutoCloseable {

    record Result(boolean functionError, String payload) {}

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalFunction function;
    private final Map<String, String> environment;
    private final Path log;
    private final List<String> jvmOptions;
    private final PrintStream echo;
    private final List<Thread> copies = new ArrayList<>();
    private Process process;
    private URI invokeUri;

    FunctionProcess(LocalFunction function, Map<String, String> environment, Path log) {
        this(function, environment, log, List.of());
    }

    /** {@code jvmOptions}: more options for the function's JVM (sms-local's fault points). */
    FunctionProcess(LocalFunction function, Map<String, String> environment, Path log, List<String> jvmOptions) {
        this(function, environment, log, jvmOptions, null);
    }

    /** {@code echo}: where the function's output lines go too, as they come ({@code invoke}: stderr); null: none. */
    FunctionProcess(LocalFunction function, Map<String, String> environment, Path log, List<String> jvmOptions,
                    PrintStream echo) {
        this.function = function;
        this.environment = environment;
        this.log = log;
        this.jvmOptions = jvmOptions;
        this.echo = echo;
    }

    synchronized void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(function.artifact())) {
            throw new IllegalStateException(function.logicalId() + ": " + function.artifact()
                    + " is missing; build it with 'mvn -DskipTests package'");
        }
        Files.createDirectories(log.getParent());
        String classpath = String.join(File.pathSeparator, function.artifact().toString(),
                codeSource(FunctionRunner.class), codeSource(LambdaEventSerializers.class));
        // nodelay: without it, loopback HTTP between two JVMs waits out delayed ACKs (~40 ms a call).
        // The serial collector, as Lambda's Java runtimes use by default (and the tiered-compilation stop at level 1
        // comes with the template's JAVA_TOOL_OPTIONS): https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xshare:auto", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dsun.net.httpserver.nodelay=true"));
        command.addAll(jvmOptions);
        command.add("-Dsms.local.timeoutSeconds=" + function.timeoutSeconds());
        command.addAll(List.of("-cp", classpath, FunctionRunner.class.getName(), function.handler(), function.logicalId()));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (echo == null) {
            builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        builder.environment().clear();
        builder.environment().putAll(environment);
        process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = readFirstLine(out);
        if (first == null || !first.startsWith("LISTENING ")) {
            process.destroyForcibly();
            throw new IllegalStateException(function.logicalId() + " did not start; see " + log);
        }
        invokeUri = URI.create("http://127.0.0.1:" + first.substring("LISTENING ".length()).trim() + "/invoke");
        copy(out);
        if (echo != null) {
            copy(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)));
        }
    }

    private void copy(BufferedReader lines) {
        Thread copy = new Thread(() -> copyLines(lines), function.logicalId() + "-logs");
        copy.setDaemon(true);
        copy.start();
        copies.add(copy);
    }

    private String readFirstLine(BufferedReader out) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return line.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private void copyLines(BufferedReader out) {
        try (OutputStream file = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = out.readLine()) != null) {
                file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                file.flush();
                if (echo != null) {
                    echo.println(line);
                }
            }
        } catch (IOException ignored) {
            // the function's process ended
        }
    }

    Result invoke(String eventJson) throws IOException, InterruptedException {
        ensureStarted();
        HttpRequest request = HttpRequest.newBuilder(invokeUri)
                .timeout(Duration.ofSeconds(function.timeoutSeconds() + 5L))
                .header("X-Request-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(eventJson, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Result(response.statusCode() != 200, response.body());
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                for (Thread copy : copies) {
                    copy.join(2000); // the last lines are written (and echoed) before close returns
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
