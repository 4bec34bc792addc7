package smsplatform.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smsplatform.carrier.SimulatorCarrier;
import smsplatform.json.Json;

/**
 * The HTTP API of the template on one loopback port: JWT authorizer, route matching as API Gateway
 * HTTP APIs do it, payload format 2.0 events, and the function's response mapped back. It also
 * serves the local carrier simulator ({@code /local/…}, to this machine only) and the OpenAPI file.
 */
final class HttpGateway implements AutoCloseable {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The console's policy: its documents come from the S3 emulator, on another loopback port. */
    static final String LOCAL_CSP = ConsoleHosting.contentSecurityPolicy(List.of("http://127.0.0.1:*"), List.of("http://127.0.0.1:*"));

    /** The gateway's access log, in the data dir's logs. */
    static final String ACCESS_LOG = "gateway.log";

    private record Route(LocalFunction function, LocalFunction.HttpRoute route, Pattern pattern, List<String> names) {}

    private final List<Route> routes = new ArrayList<>();
    private final FunctionPool functions;
    private final LocalIssuer issuer;
    private final LocalSignIn signIn;
    private final CarrierSimulator carrier;
    private final CarrierReceipts receipts;
    private final HandsetReplies replies;
    private final Path openApi;
    private final String jwtAudience;
    private final ApiCors cors;
    private final Path logs;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    static {
        HttpServerSettings.apply();
    }

    HttpGateway(StackPlan plan, FunctionPool functions, LocalIssuer issuer, CarrierSimulator carrier,
                CarrierReceipts receipts, HandsetReplies replies, Path openApi, Path logs, HttpServer server) {
        this.logs = logs;
        this.functions = functions;
        this.issuer = issuer;
        this.carrier = carrier;
        this.receipts = receipts;
        this.replies = replies;
        this.openApi = openApi;
        this.signIn = new LocalSignIn(issuer, plan.jwtConfig(), Instant::now);
        this.jwtAudience = plan.jwtConfig().audiences().get(0);
        this.cors = ApiCors.of(plan);
        for (LocalFunction f : plan.functions) {
            for (LocalFunction.HttpRoute r : f.routes()) {
                List<String> names = new ArrayList<>();
                Matcher m = Pattern.compile("\\{([^}]+)}").matcher(r.path());
                StringBuilder regex = new StringBuilder();
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(r.path().substring(last, m.start()))).append("([^/]+)");
                    names.add(m.group(1));
                    last = m.end();
                }
                regex.append(Pattern.quote(r.path().substring(last)));
                routes.add(new Route(f, r, Pattern.compile(regex.toString()), names));
            }
        }
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** The gateway's port, bound before anything else starts; one in use is refused, naming a free one. */
    static HttpServer bind(int port) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (BindException inUse) {
            throw SmsLocalRefusal.state("port " + port + " is in use (another sms-local, or another program): "
                    + "start on another one, e.g. --port " + freePortAfter(port));
        }
    }

    private static int freePortAfter(int port) {
        for (int candidate = port + 1; candidate <= Math.min(port + 100, 65535); candidate++) {
            try (ServerSocket free = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return candidate;
            } catch (IOException taken) {
                // next one
            }
        }
        return 0; // any free port
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant receivedAt = Instant.now();
        // One id per request, as API Gateway has: $context.requestId in the event, apigw-requestid in the answer.
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String authorizerError = null;
        try {
            if (RequestBody.declaredTooLarge(exchange)) {
                tooLarge(exchange);
            } else if (path.startsWith("/local/")) {
                local(exchange, method, path);
            } else if (path.equals("/console") || path.startsWith(ConsoleFiles.PREFIX)) {
                console(exchange, method, path);
            } else if (path.equals("/openapi.yaml") && method.equals("GET") && openApi != null && Files.exists(openApi)) {
                send(exchange, 200, "application/yaml", Files.readAllBytes(openApi));
            } else {
                String origin = exchange.getRequestHeaders().getFirst("Origin");
                String requestMethod = exchange.getRequestHeaders().getFirst("Access-Control-Request-Method");
                if (cors.configured()) {
                    // Whether an answer carries Access-Control-Allow-Origin depends on the request's Origin, so a
                    // cache must key it on it: https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
                    exchange.getResponseHeaders().add("Vary", "Origin");
                }
                if (cors.isPreflight(method, origin, requestMethod)) {
                    cors.preflight(origin, requestMethod, exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers"))
                            .forEach(exchange.getResponseHeaders()::set);
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                cors.allowOrigin(origin).ifPresent(o -> exchange.getResponseHeaders().set("Access-Control-Allow-Origin", o));
                authorizerError = api(exchange, method, path, requestId);
            }
        } catch (Exception e) {
            e.printStackTrace();
            sendJson(exchange, 500, Map.of("message", "Internal Server Error"));
        } finally {
            exchange.close();
            accessLog(exchange, requestId, receivedAt, method, path, started, authorizerError);
        }
    }

    /**
     * One line per request in {@code logs/gateway.log}, with the fields of the template's API access log format
     * ({@code AccessLogSettings}). The path only: query strings may carry page tokens and phone numbers.
     */
    private void accessLog(HttpExchange exchange, String requestId, Instant receivedAt, String method, String path,
                           long started, String authorizerError) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", requestId);
        line.put("ip", exchange.getRemoteAddress().getAddress().getHostAddress());
        line.put("requestTime", receivedAt.toString());
        line.put("method", method);
        line.put("path", path);
        line.put("status", exchange.getResponseCode());
        line.put("latency", (System.nanoTime() - started) / 1_000_000);
        if (authorizerError != null) {
            line.put("authorizerError", authorizerError);
        }
        LogLines.append(logs.resolve(ACCESS_LOG), Json.write(line));
    }

    /** Whether the token's scope claim (space-separated) holds at least one of {@code required}; none required: yes. */
    static boolean hasScope(Map<String, String> claims, List<String> required) {
        if (required.isEmpty()) {
            return true;
        }
        List<String> granted = List.of(claims.getOrDefault("scope", "").trim().split("\\s+"));
        return required.stream().anyMatch(granted::contains);
    }

    /** Answers the request; returns why the authorizer refused it (401, 403), else null. */
    private String api(HttpExchange exchange, String method, String rawPath, String requestId) throws Exception {
        Route matched = null;
        Matcher values = null;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(rawPath);
            if (m.matches() && r.route().method().equals(method)) {
                matched = r;
                values = m;
                break;
            }
        }
        if (matched == null) {
            sendJson(exchange, 404, Map.of("message", "Not Found"));
            return null;
        }
        LocalIssuer.Verdict verdict = issuer.verify(exchange.getRequestHeaders().getFirst("Authorization"));
        Optional<Map<String, String>> claims = verdict.claims();
        if (claims.isEmpty()) {
            sendJson(exchange, 401, Map.of("message", "Unauthorized"));
            return verdict.refusal();
        }
        if (!hasScope(claims.get(), matched.route().scopes())) {
            // As API Gateway's JWT authorizer: a valid token without one of the route's scopes.
            sendJson(exchange, 403, Map.of("message", "Forbidden"));
            return "none of the route's scopes " + matched.route().scopes();
        }
        Optional<byte[]> body = RequestBody.read(exchange);
        if (body.isEmpty()) {
            tooLarge(exchange);
            return null;
        }
        Map<String, String> pathParameters = new LinkedHashMap<>();
        for (int i = 0; i < matched.names().size(); i++) {
            pathParameters.put(matched.names().get(i), URLDecoder.decode(values.group(i + 1), StandardCharsets.UTF_8));
        }
        String event = Json.write(event(exchange, method, rawPath, matched.route(), pathParameters, claims.get(),
                body.get(), requestId));
        FunctionProcess.Result result = functions.invoke(matched.function().logicalId(), event);
        if (result.functionError()) {
            sendJson(exchange, 500, Map.of("message", "Internal Server Error"));
            return null;
        }
        respond(exchange, result.payload());
        return null;
    }

    private Map<String, Object> event(HttpExchange exchange, String method, String rawPath,
                                      LocalFunction.HttpRoute route, Map<String, String> pathParameters,
                                      Map<String, String> claims, byte[] body, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, list) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", list)));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        FormEncoded.pairs(rawQuery)
                .forEach(p -> query.merge(p.getKey(), p.getValue(), (a, b) -> a + "," + b));
        Instant now = Instant.now();
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("claims", claims);
        jwt.put("scopes", null);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", SqsEmulator.ACCOUNT);
        context.put("apiId", "local");
        context.put("authorizer", Map.of("jwt", jwt));
        context.put("domainName", headers.getOrDefault("host", "127.0.0.1"));
        context.put("domainPrefix", "local");
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        event.put("headers", headers);
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        event.put("requestContext", context);
        if (body.length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.contains("yaml");
    }

    @SuppressWarnings("unchecked")
    private void respond(HttpExchange exchange, String payload) throws IOException {
        Object parsed = Json.parse(payload);
        if (!(parsed instanceof Map<?, ?>) || !((Map<String, Object>) parsed).containsKey("statusCode")) {
            // API Gateway's inference for payloads that are not a response object.
            send(exchange, 200, "application/json", payload.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> response = (Map<String, Object>) parsed;
        int status = ((Number) response.get("statusCode")).intValue();
        Map<String, Object> headers = Template.map(response.get("headers"));
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, String.valueOf(v)));
        Object body = response.get("body");
        byte[] bytes = body == null ? new byte[0] : Boolean.TRUE.equals(response.get("isBase64Encoded"))
                ? Base64.getDecoder().decode(String.valueOf(body)) : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * The carrier simulator: POST /local/carrier/messages (from the delivery function), GET /local/handsets/{number}
     * and POST /local/handsets/{number}/replies (the number in any form SendSms accepts, see {@link HandsetReplies});
     * GET /local/metrics: the functions' embedded metrics summed up (see {@link LocalMetrics}).
     */
    private void local(HttpExchange exchange, String method, String path) throws IOException {
        if (!LoopbackOnly.admits(exchange)) {
            forbidden(exchange);
        } else if (method.equals("POST") && path.equals("/local/carrier/messages")) {
            if (!carrier.admits(exchange.getRequestHeaders().getFirst(SimulatorCarrier.SECRET_HEADER))) {
                forbidden(exchange);
                return;
            }
            Optional<byte[]> body = RequestBody.read(exchange);
            if (body.isEmpty()) {
                tooLarge(exchange);
                return;
            }
            Map<String, Object> m;
            try {
                m = Json.parseObject(new String(body.get(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                sendJson(exchange, 400, Map.of("message", "not a message"));
                return;
            }
            if (!(m.get("serialNo") instanceof String serial) || !(m.get("phoneNumber") instanceof String phone)
                    || !(m.get("text") instanceof String text)) {
                sendJson(exchange, 400, Map.of("message", "serialNo, phoneNumber and text are required"));
                return;
            }
            CarrierSimulator.Handover handover = carrier.deliver(serial, phone, text);
            switch (handover.answer()) {
                case ACCEPTED -> {
                    receipts.accepted(handover.message());
                    sendJson(exchange, 200, Map.of("messageId", handover.message().messageId(), "duplicate", false));
                }
                case DUPLICATE -> sendJson(exchange, 200, Map.of("messageId", handover.message().messageId(), "duplicate", true));
                case REFUSED_FOR_GOOD -> sendJson(exchange, 400, Map.of("message", "number refused by the carrier"));
                case REFUSED_FOR_NOW -> sendJson(exchange, 503, Map.of("message", "carrier busy, retry later"));
            }
        } else if (path.startsWith(LocalSignIn.PREFIX)) {
            Optional<byte[]> form = method.equals("POST") ? RequestBody.read(exchange) : Optional.of(new byte[0]);
            if (form.isEmpty()) {
                tooLarge(exchange);
                return;
            }
            LocalSignIn.Answer answer = signIn.handle(method, path, exchange.getRequestURI().getRawQuery(),
                    new String(form.get(), StandardCharsets.UTF_8), "http://127.0.0.1:" + port());
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            send(exchange, answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8));
        } else if (method.equals("GET") && path.equals("/local/metrics")) {
            sendJson(exchange, 200, Map.of("metrics", LocalMetrics.summarize(logs)));
        } else if (method.equals("POST") && path.matches("/local/handsets/[^/]+/replies")) {
            Optional<byte[]> body = RequestBody.read(exchange);
            if (body.isEmpty()) {
                tooLarge(exchange);
                return;
            }
            HandsetReplies.Answer answer = replies.reply(handset(path.substring(0, path.length() - "/replies".length())), body.get());
            sendJson(exchange, answer.status(), answer.body());
        } else if (method.equals("GET") && path.matches("/local/handsets/[^/]+")) {
            Optional<String> phone = HandsetReplies.number(handset(path));
            if (phone.isEmpty()) {
                sendJson(exchange, 400, Map.of("message", "not a phone number: " + handset(path)));
                return;
            }
            List<Object> messages = new ArrayList<>();
            for (CarrierSimulator.Received r : carrier.handset(phone.get())) {
                messages.add(Map.of("serialNo", r.serialNo(), "text", r.text(), "receivedAt", r.receivedAt()));
            }
            sendJson(exchange, 200, Map.of("phoneNumber", phone.get(), "messages", messages));
        } else {
            sendJson(exchange, 404, Map.of("message", "Not Found"));
        }
    }

    /**
     * The web console: its static files, and {@code config.json} telling it where the issuer and the API are (here,
     * this gateway). The policy keeps scripts, styles and workers to the console's own files; documents come from
     * the S3 emulator on another loopback port.
     */
    private void console(HttpExchange exchange, String method, String path) throws IOException {
        if (!method.equals("GET")) {
            sendJson(exchange, 405, Map.of("message", "Method Not Allowed"));
        } else if (path.equals("/console")) {
            exchange.getResponseHeaders().set("Location", ConsoleFiles.PREFIX);
            send(exchange, 301, "text/plain", new byte[0]);
        } else if (path.equals(ConsoleFiles.PREFIX + "config.json")) {
            String base = "http://127.0.0.1:" + port();
            sendJson(exchange, 200, ConsoleHosting.config(jwtAudience, base, base + LocalSignIn.PREFIX + ".well-known/openid-configuration"));
        } else {
            Optional<ConsoleFiles.File> file = ConsoleFiles.at(path);
            if (file.isEmpty()) {
                sendJson(exchange, 404, Map.of("message", "Not Found"));
                return;
            }
            exchange.getResponseHeaders().set("Content-Security-Policy", LOCAL_CSP);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, file.get().contentType(), file.get().bytes());
        }
    }

    /** The number of a /local/handsets/{number} path as written (a literal + is kept, as in %2B). */
    private static String handset(String path) {
        return URLDecoder.decode(path.substring("/local/handsets/".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void forbidden(HttpExchange exchange) throws IOException {
        sendJson(exchange, 403, Map.of("message", "Forbidden"));
    }

    private static void tooLarge(HttpExchange exchange) throws IOException {
        sendJson(exchange, 413, Map.of("message", "Request Entity Too Large"));
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
