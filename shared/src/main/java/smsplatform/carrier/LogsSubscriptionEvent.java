package smsplatform.carrier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import smsplatform.json.Json;

/**
 * What a CloudWatch Logs subscription filter hands a Lambda function: {@code {"awslogs": {"data": …}}},
 * the data base64 of gzip of {@code {"owner", "logGroup", "logStream", "subscriptionFilters",
 * "messageType", "logEvents": [{"id", "timestamp", "message"}]}}. DATA_MESSAGE carries log events;
 * CloudWatch Logs also sends CONTROL_MESSAGE, "mainly for checking if the destination is reachable",
 * which carries none. Source: "Using CloudWatch Logs subscription filters", example "Subscription filters
 * with AWS Lambda", https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html#LambdaFunctionExample
 */
public record LogsSubscriptionEvent(String logGroup, List<LogEvent> logEvents) {

    /** One log event: its message (an SNS record, for the SMS delivery-status groups) and its epoch milliseconds. */
    public record LogEvent(String id, long timestamp, String message) {}

    /** Decompressed JSON beyond this is refused: a few bytes of gzip can inflate to gigabytes. */
    public static final int MAX_DECOMPRESSED_BYTES = 8 * 1024 * 1024;
    static final int MAX_ENCODED_CHARS = MAX_DECOMPRESSED_BYTES;

    /** An event that is not a CloudWatch Logs subscription delivery. */
    public static final class MalformedEvent extends IllegalArgumentException {
        MalformedEvent(String message) {
            super("not a CloudWatch Logs subscription event: " + message);
        }
    }

    /** The Lambda event as the runtime deserialised it: reads {@code awslogs.data}. */
    public static Optional<LogsSubscriptionEvent> fromLambdaEvent(Map<String, Object> event) {
        if (event == null || !(event.get("awslogs") instanceof Map<?, ?> awslogs)) {
            throw new MalformedEvent("no awslogs object");
        }
        if (!(awslogs.get("data") instanceof String data)) {
            throw new MalformedEvent("awslogs.data is missing or not a string");
        }
        return decode(data);
    }

    /** {@code awslogs.data} decoded; empty for a CONTROL_MESSAGE, which carries no log events. */
    public static Optional<LogsSubscriptionEvent> decode(String data) {
        if (data.length() > MAX_ENCODED_CHARS) {
            throw new MalformedEvent("awslogs.data is longer than " + MAX_ENCODED_CHARS + " characters");
        }
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("awslogs.data is not base64");
        }
        Map<?, ?> payload = object(parse(gunzip(compressed)));
        Object type = payload.get("messageType");
        if ("CONTROL_MESSAGE".equals(type)) {
            return Optional.empty();
        }
        if (!"DATA_MESSAGE".equals(type)) {
            throw new MalformedEvent("messageType is neither DATA_MESSAGE nor CONTROL_MESSAGE");
        }
        if (!(payload.get("logGroup") instanceof String logGroup) || logGroup.isEmpty()) {
            throw new MalformedEvent("logGroup is missing");
        }
        if (!(payload.get("logEvents") instanceof List<?> list)) {
            throw new MalformedEvent("logEvents is not a list");
        }
        List<LogEvent> events = new ArrayList<>();
        for (Object item : list) {
            Map<?, ?> e = object(item);
            if (!(e.get("message") instanceof String message) || !(e.get("timestamp") instanceof Number timestamp)) {
                throw new MalformedEvent("a log event has no message or timestamp");
            }
            events.add(new LogEvent(e.get("id") instanceof String id ? id : null, timestamp.longValue(), message));
        }
        return Optional.of(new LogsSubscriptionEvent(logGroup, List.copyOf(events)));
    }

    private static String gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > MAX_DECOMPRESSED_BYTES) {
                    throw new MalformedEvent("decompressed data exceeds " + MAX_DECOMPRESSED_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MalformedEvent("awslogs.data is not gzip");
        }
    }

    private static Object parse(String json) {
        try {
            return Json.parse(json);
        } catch (IOException | UncheckedIOException e) {
            throw new MalformedEvent("the decompressed data is not JSON");
        }
    }

    private static Map<?, ?> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new MalformedEvent("expected a JSON object");
    }
}
