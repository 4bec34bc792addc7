package smsplatform.local.runner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * One function's container, in its own JVM with the function's environment: constructs the handler
 * as Lambda does (public no-arg constructor), (de)serializes events with Lambda's own serializers,
 * and serves invocations on a loopback port ({@code POST /invoke}). Prints {@code LISTENING <port>}.
 */
public final class FunctionRunner {

    private final RequestHandler<Object, Object> handler;
    private final PojoSerializer<Object> input;
    private final String functionName;
    /** The template's Timeout and MemorySize, as Lambda reports them through the Context. */
    private final long timeoutMillis = Long.getLong("sms.local.timeoutSeconds", 3) * 1000;
    private final int memoryMb = Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));

    private FunctionRunner(RequestHandler<Object, Object> handler, PojoSerializer<Object> input, String functionName) {
        this.handler = handler;
        this.input = input;
        this.functionName = functionName;
    }

    public static void main(String[] args) throws Exception {
        String className = args[0].split("::")[0];
        String functionName = args.length > 1 ? args[1] : className;
        PrintStream console = System.out;
        FunctionRunner runner = load(className, functionName);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/invoke", runner::serve);
        server.start();
        console.println("LISTENING " + server.getAddress().getPort());
        console.flush();
        // The parent holds our stdin: when it goes away (even killed), so does this container.
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is ever sent
                }
            } catch (IOException ignored) {
                // closed
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @SuppressWarnings("unchecked")
    private static FunctionRunner load(String className, String functionName) throws Exception {
        ClassLoader loader = FunctionRunner.class.getClassLoader();
        Class<?> type = Class.forName(className, true, loader);
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) type.getConstructor().newInstance();
        Class<Object> inputType = (Class<Object>) inputType(type);
        return new FunctionRunner(handler, serializer(inputType, loader), functionName);
    }

    private static Class<?> inputType(Class<?> handlerType) {
        for (Class<?> c = handlerType; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    // RequestHandler<Map<String, Object>, …>: deserialized as its raw type, as Lambda does
                    return (Class<?>) (input instanceof ParameterizedType generic ? generic.getRawType() : input);
                }
            }
        }
        throw new IllegalArgumentException(handlerType + " does not implement RequestHandler<I, O>");
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status;
        byte[] response;
        try {
            Object event = input.fromJson(new String(body, StandardCharsets.UTF_8));
            Object result = handler.handleRequest(event, new LocalContext(
                    requestId == null ? UUID.randomUUID().toString() : requestId, functionName,
                    System.nanoTime() + timeoutMillis * 1_000_000L, memoryMb));
            response = toJson(result);
            status = 200;
        } catch (Throwable t) {
            t.printStackTrace();
            Map<String, String> error = new LinkedHashMap<>();
            error.put("errorType", t.getClass().getName());
            error.put("errorMessage", String.valueOf(t.getMessage()));
            response = toJson(error);
            status = 500;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, response.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response);
        }
    }

    @SuppressWarnings("unchecked")
    private static byte[] toJson(Object result) {
        if (result == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        PojoSerializer<Object> output = serializer(result.getClass(), FunctionRunner.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(result, out);
        return out.toByteArray();
    }

    /** {@code deadlineNanos}: when the template's Timeout runs out for this invocation ({@link System#nanoTime}). */
    private record LocalContext(String requestId, String functionName, long deadlineNanos, int memoryMb)
            implements Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return functionName; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        }
        @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() {
            return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
        }
        @Override public int getMemoryLimitInMB() { return memoryMb; }
        @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
            return new com.amazonaws.services.lambda.runtime.LambdaLogger() {
                @Override public void log(String message) { System.out.println(message); }
                @Override public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
