package smsplatform.json;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Light JSON (jackson-jr, no reflection on our types): text ↔ maps, lists, strings, numbers, booleans. */
public final class Json {

    private static final JSON JSON_ = JSON.builder().enable(JSON.Feature.WRITE_NULL_PROPERTIES).build();

    private Json() {}

    public static String write(Object value) {
        try {
            return JSON_.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses any JSON value; throws {@link IOException} on malformed text. */
    public static Object parse(String text) throws IOException {
        return JSON_.anyFrom(text);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        try {
            Object value = parse(text);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new IllegalArgumentException("not a JSON object");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
