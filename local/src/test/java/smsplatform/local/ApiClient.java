package smsplatform.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import smsplatform.json.Json;

/** Plain HTTP to the local stack, as curl would do it. */
final class ApiClient {

    record Response(int status, String body, String gatewayRequestId) {
        Response(int status, String body) {
            this(status, body, null);
        }

        Map<String, Object> json() {
            return Json.parseObject(body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Response get(String path) throws IOException, InterruptedException {
        return exchange("GET", path, null, request(path).GET());
    }

    Response post(String path, Object body) throws IOException, InterruptedException {
        String json = Json.write(body);
        return exchange("POST", path, json, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, raw body text, extra headers (name, value, name, value…). */
    Response raw(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return exchange(method, path, body, b);
    }

    Response put(String path, Object body) throws IOException, InterruptedException {
        String json = Json.write(body);
        return exchange("PUT", path, json, request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path) throws IOException, InterruptedException {
        return exchange("DELETE", path, null, request(path).DELETE());
    }

    /** Sends, then holds the exchange to openapi.yaml: a response (or accepted request) off the contract fails the test. */
    private Response exchange(String method, String path, String body, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        Response response = send(request);
        if (path.startsWith("/v1/")) {
            List<String> violations = OpenApiContract.INSTANCE.check(method, path, body, response.status(), response.body());
            if (!violations.isEmpty()) {
                throw new AssertionError("openapi.yaml disagrees with the product:\n" + String.join("\n", violations));
            }
        }
        return response;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("apigw-requestid").orElse(null));
    }

    /** Uploads through the form of one of the API's {@code uploads}; returns S3's status (204 when stored). */
    static int upload(Map<String, Object> upload, String contentType, byte[] bytes) throws IOException, InterruptedException {
        return UploadForm.post(upload, contentType, bytes).statusCode();
    }

    /**
     * Polls GET path until the JSON body satisfies the condition (asynchronous steps), or fails after 60 s. The polls
     * start 100 ms apart and spread out to 500 ms: each one costs the stack ~20 ms of CPU (gateway, function, table),
     * and on a busy machine a wait polled flat out at 200 ms made the machine busier and every wait longer.
     */
    Map<String, Object> await(String path, Predicate<Map<String, Object>> condition, String what) throws Exception {
        return await(path, condition, what, Duration.ofSeconds(60));
    }

    /** The same with another bound: a backlog (a thousand messages) is awaited as a whole, not 60 s at a time. */
    Map<String, Object> await(String path, Predicate<Map<String, Object>> condition, String what, Duration bound)
            throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        Response last = null;
        long pause = 100;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            Thread.sleep(pause);
            pause = Math.min(500, pause * 3 / 2);
        }
        throw new AssertionError("Timed out waiting for " + what + "; last answer: " + (last == null ? null : last.body()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
