package smsplatform.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import smsplatform.json.Json;
import smsplatform.local.iam.AwsCall;

/**
 * The endpoint functions are given for a JSON-protocol service (DynamoDB, SQS): reads who signed the
 * request and what it asks, lets IAM decide with that function's policy, then forwards the request
 * unchanged to the emulator, or answers AccessDenied in the service's own error shape.
 */
final class AwsJsonGate implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** How one service names its operations and refuses a call. */
    record Service(String name, String targetPrefix, BiFunction<String, Map<String, Object>, List<AwsCall>> calls,
                   int deniedStatus, Map<String, String> deniedHeaders, String messageField) {}

    static final Service DYNAMODB = new Service("DynamoDB", "DynamoDB_20120810.", DynamoDbCalls::of, 400,
            Map.of(), "Message");
    /** SQS's JSON protocol keeps the query protocol's code in x-amzn-query-error, which the SDK reports. */
    static final Service SQS = new Service("SQS", "AmazonSQS.", SqsCalls::of, 400,
            Map.of("x-amzn-query-error", "AccessDenied;Sender"), "message");

    private final Service service;
    private final URI target;
    private final IamEnforcement iam;
    /** When not null, every call a function makes, with its request and answer (the cost bench reads it). */
    private final Path wireLog;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "iam-gate");
        t.setDaemon(true);
        return t;
    });

    AwsJsonGate(Service service, URI target, IamEnforcement iam, Path wireLog) throws IOException {
        this.service = service;
        this.target = target;
        this.iam = iam;
        this.wireLog = wireLog;
        HttpServerSettings.apply();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String keyId = SigV4.accessKeyId(exchange.getRequestHeaders().getFirst("Authorization"));
            if (keyId == null) {
                keyId = SigV4.presignedAccessKeyId(exchange.getRequestURI().getRawQuery());
            }
            String function = null;
            String operation = null;
            if (!iam.isRuntimeKey(keyId)) {
                function = iam.function(keyId);
                if (function == null) {
                    refuse(exchange, 400, Map.of(), "UnrecognizedClientException",
                            "The security token included in the request is invalid.", "message");
                    return;
                }
                String targetHeader = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                operation = targetHeader == null ? "" : targetHeader.substring(targetHeader.indexOf('.') + 1);
                Map<String, Object> request = body.length == 0 ? Map.of()
                        : Json.parseObject(new String(body, StandardCharsets.UTF_8));
                IamEnforcement.Refusal refusal = iam.check(function, service.calls().apply(operation, request));
                if (refusal != null) {
                    refuse(exchange, service.deniedStatus(), service.deniedHeaders(), "AccessDeniedException",
                            refusal.message(), service.messageField());
                    return;
                }
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            if (wireLog != null && function != null) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("function", function);
                line.put("service", service.name());
                line.put("operation", operation);
                line.put("status", answer.statusCode());
                line.put("request", new String(body, StandardCharsets.UTF_8));
                line.put("response", new String(answer.body(), StandardCharsets.UTF_8));
                LogLines.append(wireLog, Json.write(line));
            }
        } catch (Exception e) {
            System.err.println("sms-local: " + service.name() + " gate: " + e);
            try {
                refuse(exchange, 500, Map.of(), "InternalFailure", String.valueOf(e.getMessage()), "message");
            } catch (IOException | RuntimeException alreadyAnswered) {
                // the answer had started: the client sees a broken response
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        send(exchange, response.statusCode(), response.body());
        return response;
    }

    private static void refuse(HttpExchange exchange, int status, Map<String, String> headers, String type,
                               String message, String messageField) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "com.amazon.coral.service#" + type);
        error.put(messageField, message);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.forEach(exchange.getResponseHeaders()::set);
        send(exchange, status, Json.write(error).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
