package smsplatform.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import smsplatform.json.Json;

/**
 * openapi.yaml as the test suite's referee: every request and response the end-to-end tests exchange
 * on a documented route is checked against it (the request's query and body when the server accepted
 * it), so the file cannot drift from the product.
 */
final class OpenApiContract {

    static final OpenApiContract INSTANCE = load(RunningStack.PROJECT.resolve("openapi.yaml"));

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Object> document;
    private final Map<String, Object> defs;
    private final Map<String, JsonSchema> cache = new ConcurrentHashMap<>();

    private OpenApiContract(Map<String, Object> document) {
        this.document = document;
        this.defs = rewriteRefs(Template.map(Template.map(document.get("components")).get("schemas")));
    }

    static OpenApiContract load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new OpenApiContract(Template.parse(reader));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> document() {
        return document;
    }

    /** The violations of one exchange; empty when it conforms or the route is not documented. */
    List<String> check(String method, String rawPath, String requestBody, int status, String responseBody) {
        String template = template(pathOf(rawPath));
        Map<String, Object> operation = operation(method, template);
        if (operation.isEmpty()) {
            return List.of();
        }
        String where = method + " " + template + " -> " + status;
        List<String> violations = new ArrayList<>();
        Map<String, Object> responses = Template.map(operation.get("responses"));
        Map<String, Object> response = resolve(Template.map(responses.getOrDefault(String.valueOf(status),
                responses.get(status / 100 + "XX"))));
        if (response.isEmpty()) {
            return List.of(where + ": status not documented");
        }
        Object schema = Template.map(Template.map(response.get("content")).get("application/json")).get("schema");
        if (schema != null) {
            violations.addAll(validate(where + " response", schema, responseBody, false));
        }
        if (status < 300) {
            new OpenApiRequests(this).queryViolations(method, rawPath)
                    .forEach(v -> violations.add(where + " accepted query: " + v.message()));
        }
        if (status < 300 && requestBody != null && !requestBody.isEmpty()) {
            Object requestSchema = Template.map(Template.map(Template.map(operation.get("requestBody")).get("content"))
                    .get("application/json")).get("schema");
            if (requestSchema != null) {
                violations.addAll(validate(where + " request", requestSchema, requestBody, false));
            }
        }
        return violations;
    }

    Map<String, Object> operation(String method, String template) {
        return template == null ? Map.of() : Template.map(Template.map(Template.map(document.get("paths"))
                .get(template)).get(method.toLowerCase()));
    }

    static String pathOf(String rawPath) {
        return rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
    }

    static Map<String, String> query(String rawPath) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawPath.contains("?")) {
            for (String pair : rawPath.substring(rawPath.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private List<String> validate(String where, Object schema, String body, boolean formats) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return List.of(where + ": body is not JSON");
        }
        if (node == null || node.isMissingNode()) {
            return List.of(where + ": body is empty");
        }
        return messages(schema, node, formats).stream().map(e -> where + ": " + e.getMessage()).toList();
    }

    /**
     * The violations of {@code node} against {@code schema}, each with its evaluation path from the root
     * {@code /allOf/0} (a {@code $ref} adds {@code /$ref}); {@code formats}: date-time and the like asserted.
     */
    Set<ValidationMessage> messages(Object schema, JsonNode node, boolean formats) {
        JsonSchema compiled = cache.computeIfAbsent(formats + Json.write(schema), key -> {
            Map<String, Object> wrapper = new LinkedHashMap<>();
            wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            wrapper.put("$defs", defs);
            wrapper.put("allOf", List.of(rewriteRefs(schema)));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.valueToTree(wrapper),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(formats).build());
        });
        return compiled.validate(node);
    }

    Map<String, Object> resolve(Map<String, Object> maybeRef) {
        Object ref = maybeRef.get("$ref");
        if (ref == null) {
            return maybeRef;
        }
        Map<String, Object> node = document;
        for (String part : String.valueOf(ref).substring(2).split("/")) {
            node = Template.map(node.get(part));
        }
        return node;
    }

    String template(String path) {
        String[] parts = path.split("/", -1);
        for (String candidate : Template.map(document.get("paths")).keySet()) {
            String[] t = candidate.split("/", -1);
            if (t.length != parts.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < t.length && matches; i++) {
                matches = t[i].startsWith("{") || t[i].equals(parts[i]);
            }
            if (matches) {
                return candidate;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T rewriteRefs(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), k.equals("$ref")
                    ? String.valueOf(v).replace("#/components/schemas/", "#/$defs/") : rewriteRefs(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            return (T) l.stream().map(OpenApiContract::rewriteRefs).toList();
        }
        return value;
    }
}
