package smsplatform.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** DynamoDB: dynalite under Node, persisting in {@code dir}, on a free loopback port. */
final class Dynalite implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static Dynalite start(Path projectDir, Path dir, Path log) throws IOException {
        Path server = projectDir.resolve("local/dynalite/server.js");
        if (!Files.isDirectory(projectDir.resolve("local/dynalite/node_modules/dynalite"))) {
            throw new IllegalStateException("dynalite is not installed: run the build (it runs 'npm ci' in local/dynalite)");
        }
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder("node", server.toString(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String ready;
        try {
            ready = line.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start; see " + log, e);
        }
        if (ready == null || !ready.startsWith("LISTENING ")) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start (" + ready + "); see " + log);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "dynalite-stdout");
        drain.setDaemon(true);
        drain.start();
        int port = Integer.parseInt(ready.substring("LISTENING ".length()).trim());
        return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
