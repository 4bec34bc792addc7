package smsplatform.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.json.Json;

/**
 * Structured JSON logs, one object per line on stdout (CloudWatch parses them). Each invocation
 * starts with {@link #begin}; {@link #context} adds fields (account, signature, serial number) to
 * every later line of the invocation. Callers never pass document contents or tokens.
 *
 * <p>{@code requestId} is the id of the API answer that caused the work: the HTTP API's request id in
 * the API functions, and the id carried in the queue message in its consumers ({@link #requestId()} is
 * what the SQS adapters put in the messages they send), so one id finds every line of a request.
 */
public final class Log {

    private static final ThreadLocal<Map<String, Object>> CONTEXT = ThreadLocal.withInitial(LinkedHashMap::new);

    private Log() {}

    public static void begin(String function, String requestId) {
        Map<String, Object> context = CONTEXT.get();
        context.clear();
        context.put("function", function);
        context.put("requestId", requestId);
    }

    /** Ends the current invocation's lines on this thread: later lines carry nothing of it. */
    public static void end() {
        CONTEXT.remove();
    }

    /** The request id of the current invocation's lines, or null outside an invocation. */
    public static String requestId() {
        Object id = CONTEXT.get().get("requestId");
        return id == null ? null : String.valueOf(id);
    }

    public static void context(Object... keyValues) {
        Map<String, Object> context = CONTEXT.get();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                context.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
    }

    /** Removes fields {@link #context} added: for work that handles several items in one invocation. */
    public static void forget(String... keys) {
        Map<String, Object> context = CONTEXT.get();
        for (String key : keys) {
            context.remove(key);
        }
    }

    public static void info(String event, Object... keyValues) {
        write("INFO", event, keyValues);
    }

    public static void warn(String event, Object... keyValues) {
        write("WARN", event, keyValues);
    }

    /** With the error's stack trace (causes included) in {@code stackTrace}, one JSON string. */
    public static void error(String event, Throwable error, Object... keyValues) {
        Object[] all = Arrays.copyOf(keyValues, keyValues.length + 4);
        all[keyValues.length] = "error";
        all[keyValues.length + 1] = error.getClass().getName() + ": " + error.getMessage();
        all[keyValues.length + 2] = "stackTrace";
        all[keyValues.length + 3] = stackTrace(error);
        write("ERROR", event, all);
    }

    static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /**
     * One metric value in CloudWatch embedded metric format: the line's {@code _aws} block declares
     * {@code name} (with its unit) in {@code namespace}, with the dimension {@code service}, and the
     * line's members carry the value (a JSON number) and the dimension's value.
     */
    static void metric(String namespace, String service, String name, long value, String unit) {
        Map<String, Object> line = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        line.put("time", Instant.ofEpochMilli(now).toString());
        line.put("level", "INFO");
        line.put("event", "metric");
        line.putAll(CONTEXT.get());
        line.put("_aws", Map.of("Timestamp", now, "CloudWatchMetrics", List.of(Map.of(
                "Namespace", namespace,
                "Dimensions", List.of(List.of("service")),
                "Metrics", List.of(Map.of("Name", name, "Unit", unit))))));
        line.put("service", service);
        line.put(name, value);
        System.out.println(Json.write(line));
    }

    private static void write(String level, String event, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        line.putAll(CONTEXT.get());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                line.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
            }
        }
        System.out.println(Json.write(line));
    }
}
