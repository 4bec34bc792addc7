package smsplatform.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.Failure;

/** Typed, validated access to a JSON object; every violation is a 400 naming the field. */
public final class JsonBody {

    public static final int MAX_STRING = 2_000;

    private final Map<String, Object> values;
    private final String path;

    JsonBody(Map<String, Object> values, String path) {
        this.values = values;
        this.path = path;
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
