package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/** The local HTTP API refuses bodies over 256 KiB itself, as API Gateway does, before any function runs. */
@ResourceLock(SharedStack.APPLICATIONS)
class GatewayBodyLimitEndToEndTest {

    static final int LIMIT = 256 * 1024;
    static final int TEN_MB = 10_000_000;
    static RunningStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(GatewayBodyLimitEndToEndTest.class);
    }

    /** A valid signature application, padded with JSON whitespace to exactly {@code size} bytes. */
    static String application(String name, int size) {
        String json = Json.write(Map.of("name", name, "type", "COMPANY", "purpose", "SELF_USE",
                "entity", Map.of("name", name + " Ltd.")));
        return json + " ".repeat(size - json.getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * Invocations SignaturesApiFunction has finished for the account, as its log records them (the account's own: the
     * stack copies the function's output to its log as it comes, so another test's last line can still be on its way).
     */
    static long signaturesApiInvocations(String accountId) throws IOException {
        return stack.logLines("SignaturesApiFunction").stream()
                .filter(l -> "request.done".equals(l.get("event")) && accountId.equals(l.get("accountId"))).count();
    }

    @Test
    void aBodyOneByteOver256KiBIs413FromTheGatewayWithoutInvokingTheFunctionAndExactly256KiBPassesThrough()
            throws Exception {
        ApiClient client = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "gw-body", "ENTERPRISE", false));
        long before = signaturesApiInvocations("gw-body");

        ApiClient.Response over = client.raw("POST", "/v1/signatures", application("Oversize Labs", LIMIT + 1),
                "Content-Type", "application/json");
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.json()).isEqualTo(Map.of("message", "Request Entity Too Large"));

        ApiClient.Response exact = client.raw("POST", "/v1/signatures", application("Exact Labs", LIMIT),
                "Content-Type", "application/json");
        assertThat(exact.status()).as(exact.body()).isEqualTo(201);
        // The function logs the 256 KiB request after anything the oversized one could have made it log.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (signaturesApiInvocations("gw-body") <= before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(signaturesApiInvocations("gw-body")).as("function invocations").isEqualTo(before + 1);
        assertThat(stack.registrySize("gw-body")).isEqualTo(1);
    }

    @Test
    void sixConcurrentTenMegabyteBodiesWithOrWithoutContentLengthAreAll413AndTheStackStillServes() throws Exception {
        String token = Tokens.mint(stack.dataDir, "gw-flood", "ENTERPRISE", false);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = application("Flood Labs", TEN_MB).getBytes(StandardCharsets.UTF_8);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean chunked = i % 2 == 1; // a body of unknown length goes chunked
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUrl + "/v1/signatures"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                            : HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(Json.parseObject(response.body())).isEqualTo(Map.of("message", "Request Entity Too Large"));
        }
        assertThat(new ApiClient(stack.baseUrl, token).get("/v1/signatures").status()).isEqualTo(200);
        assertThat(stack.registrySize("gw-flood")).isZero();
    }
}
