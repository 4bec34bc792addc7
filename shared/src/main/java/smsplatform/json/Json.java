package smsplatform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SignatureId;
import smsplatform.domain.TemplateId;

/** Light JSON (jackson-jr, no reflection on our types): text ↔ maps, lists, strings, numbers, booleans. */
public final class Json {

    private static final JSON JSON_ = JSON.builder().enable(JSON.Feature.WRITE_NULL_PROPERTIES)
            .register(new RawIds()).build();

    private Json() {}

    /**
     * Typed ids are written as their raw value, as when they were strings: the wire format does not change
     * (left to itself, jackson-jr writes a record as an object of its components).
     */
    private static final class RawIds extends JacksonJrExtension {

        private static final Set<Class<?>> TYPES = Set.of(AccountId.class, SignatureId.class, TemplateId.class,
                SerialNo.class);

        private static final ValueWriter WRITER = new ValueWriter() {
            @Override
            public void writeValue(JSONWriter context, JsonGenerator g, Object id) throws IOException {
                g.writeString(id.toString());
            }

            @Override
            public Class<?> valueType() {
                return Object.class;
            }
        };

        @Override
        protected void register(ExtensionContext context) {
            context.insertProvider(new ReaderWriterProvider() {
                @Override
                public ValueWriter findValueWriter(JSONWriter context, Class<?> type) {
                    return TYPES.contains(type) ? WRITER : null;
                }
            });
        }
    }

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
