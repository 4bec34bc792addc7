package smsplatform.log;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.json.Json;

/**
 * Structured JSON logs, one object per line on stdout (CloudWatch parses them). Each invocation
 * starts with {@link #begin}; {@link #context} adds fields (account, signature, serial number) to
 * every later line of the invocation. Callers never pass document contents or tokens.
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

    public static void context(Object... keyValues) {
        Map<String, Object> context = CONTEXT.get();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                context.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
    }

    public static void info(String event, Object... keyValues) {
        write("INFO", event, keyValues);
    }

    public static void warn(String event, Object... keyValues) {
        write("WARN", event, keyValues);
    }

    public static void error(String event, Throwable error, Object... keyValues) {
        Object[] all = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
        all[keyValues.length] = "error";
        all[keyValues.length + 1] = error.getClass().getName() + ": " + error.getMessage();
        write("ERROR", event, all);
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
