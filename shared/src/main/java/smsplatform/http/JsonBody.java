package smsplatform.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.Failure;
import smsplatform.json.Json;

/**
 * Typed, validated access to a JSON object; every violation is a 400 naming the field. Every route's
 * body is parsed by {@link #parse}, which lets through only JSON objects whose strings (keys included)
 * are valid Unicode: JSON's escapes (a backslash, {@code u} and four hex digits) can spell a lone
 * surrogate, which no UTF-8 text, DynamoDB item or SMS can carry.
 */
public final class JsonBody {

    public static final int MAX_STRING = 2_000;

    private final Map<String, Object> values;
    private final String path;

    JsonBody(Map<String, Object> values, String path) {
        this.values = values;
        this.path = path;
    }

    /** The body as a JSON object of valid Unicode; anything else is 400 MalformedBody. */
    public static JsonBody parse(String text) {
        if (text.isBlank()) {
            throw Failure.invalid("MalformedBody", "A JSON object body is required", null);
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IOException | RuntimeException e) {
            throw Failure.invalid("MalformedBody", "The body is not valid JSON", null);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw Failure.invalid("MalformedBody", "The body must be a JSON object", null);
        }
        requireValidUnicode(map, "");
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return new JsonBody(object, "");
    }

    /** Walks every string of a parsed value; {@code path} is where it sits ("entity.name", "reasons[1]"). */
    private static void requireValidUnicode(Object value, String path) {
        if (value instanceof String s && hasLoneSurrogate(s)) {
            throw Failure.invalid("MalformedBody",
                    "'" + path + "' is not valid Unicode: it holds a lone surrogate", path);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (hasLoneSurrogate(key)) {
                    // The key itself is never echoed back: it is not text a response may carry.
                    throw Failure.invalid("MalformedBody", (path.isEmpty() ? "A key of the body" : "A key of '" + path + "'")
                            + " is not valid Unicode: it holds a lone surrogate", path.isEmpty() ? null : path);
                }
                requireValidUnicode(e.getValue(), path.isEmpty() ? key : path + "." + key);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireValidUnicode(list.get(i), path + "[" + i + "]");
            }
        }
    }

    /** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private String field(String name) {
        return path + name;
    }

    public String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw Failure.missingField(field(name));
        }
        return value;
    }

    public String optionalString(String name) {
        return optionalString(name, MAX_STRING);
    }

    public String optionalString(String name, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' must be a string");
        }
        if (s.length() > maxLength) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' is longer than " + maxLength + " characters");
        }
        return s;
    }

    public boolean optionalBoolean(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' must be true or false");
        }
        return b;
    }

    public long requiredLong(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw Failure.missingField(field(name));
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' must be a whole number");
        }
        return n.longValue();
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        return toEnum(name, requiredString(name), type);
    }

    private <E extends Enum<E>> E toEnum(String name, String raw, Class<E> type) {
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    public <E extends Enum<E>> List<E> enumList(String name, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (String raw : stringList(name, 100)) {
            out.add(toEnum(name, raw, type));
        }
        return out;
    }

    public List<String> stringList(String name, int maxItems) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' must be an array of strings");
        }
        if (list.size() > maxItems) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' has more than " + maxItems + " items");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.length() > MAX_STRING) {
                throw Failure.invalidField(field(name), "'" + field(name) + "' must be an array of strings");
            }
            out.add(s);
        }
        return out;
    }

    /** Whether the body carries the field at all (even as null). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** An optional array of objects (such as a template's {@code variables}); each item reads with its own path. */
    @SuppressWarnings("unchecked")
    public List<JsonBody> objectList(String name, int maxItems) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > maxItems) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' must be an array of at most " + maxItems
                    + " objects");
        }
        List<JsonBody> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                throw Failure.invalidField(field(name) + "[" + i + "]", "'" + field(name) + "[" + i + "]' must be an object");
            }
            out.add(new JsonBody((Map<String, Object>) item, field(name) + "[" + i + "]."));
        }
        return out;
    }

    /** A nested object of string values (such as {@code entity}). */
    public Map<String, String> stringMap(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw Failure.missingField(field(name));
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw Failure.invalidField(field(name), "'" + field(name) + "' must be an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s) || s.length() > MAX_STRING) {
                throw Failure.invalidField(field(name) + "." + e.getKey(),
                        "'" + field(name) + "." + e.getKey() + "' must be a string of at most " + MAX_STRING + " characters");
            }
            out.put(String.valueOf(e.getKey()), s);
        }
        return out;
    }
}
