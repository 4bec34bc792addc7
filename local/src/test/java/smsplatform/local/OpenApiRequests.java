package smsplatform.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import smsplatform.json.Json;

/**
 * The request side of openapi.yaml: which constraints a request breaks, and the list of every constraint
 * a request can break. A constraint is named by its scope (the schema or parameter component, or the
 * operation for an inline one) and its evaluation path, so each use of a shared schema counts apart.
 */
final class OpenApiRequests {

    /** One broken constraint: {@code constraint} as {@link #constraints()} names it. */
    record Violation(String constraint, String message) {}

    /** The keywords a value can break. Conditions ({@code if}) and the insides of {@code not} are not walked. */
    private static final Set<String> KEYWORDS = Set.of("type", "enum", "const", "minLength", "maxLength", "pattern",
            "format", "minItems", "maxItems", "minimum", "maximum", "not");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCHEMAS = "#/components/schemas/";

    private final OpenApiContract contract;

    OpenApiRequests(OpenApiContract contract) {
        this.contract = contract;
    }

    /** What the contract says of a request before any answer: the constraints its query, headers and body break. */
    List<Violation> violations(String method, String rawPath, Map<String, String> headers, String body) {
        return violations(method, rawPath, headers, body, true);
    }

    /**
     * The query parameters of a request the server accepted, formats not asserted (the server reads
     * {@code from} and {@code to} more leniently than RFC 3339's date-time, as its description says).
     */
    List<Violation> queryViolations(String method, String rawPath) {
        return violations(method, rawPath, Map.of(), null, false);
    }

    private List<Violation> violations(String method, String rawPath, Map<String, String> headers, String body,
                                       boolean formats) {
        String template = contract.template(OpenApiContract.pathOf(rawPath));
        Map<String, Object> operation = contract.operation(method, template);
        if (operation.isEmpty()) {
            return List.of(new Violation("", method + " " + rawPath + ": no such operation"));
        }
        Map<String, String> query = OpenApiContract.query(rawPath);
        List<Violation> violations = new ArrayList<>();
        for (Object declared : parameters(template, operation)) {
            Map<String, Object> parameter = contract.resolve(Template.map(declared));
            String name = String.valueOf(parameter.get("name"));
            String value = switch (String.valueOf(parameter.get("in"))) {
                case "query" -> query.get(name);
                case "header" -> headers.get(name);
                default -> null;
            };
            boolean asAbsent = value != null && value.isEmpty() && Boolean.TRUE.equals(parameter.get("allowEmptyValue"));
            if (value != null && !asAbsent) {
                Object schema = parameter.get("schema");
                boolean number = "integer".equals(Template.map(schema).get("type")) && value.matches("-?(0|[1-9][0-9]{0,17})");
                violations.addAll(check(scope(method, template, declared, name), schema,
                        number ? value : Json.write(value), formats));
            }
        }
        Object schema = bodySchema(operation);
        if (schema != null && body != null) {
            violations.addAll(check(scope(method, template, schema, "body"), schema, body, formats));
        }
        return violations;
    }

    /** Every constraint of every operation's query and header parameters and JSON body. */
    Set<String> constraints() {
        Set<String> constraints = new TreeSet<>();
        Template.map(contract.document().get("paths")).forEach((template, item) -> Template.map(item).forEach((method, op) -> {
            if (method.equals("parameters")) {
                return;
            }
            Map<String, Object> operation = Template.map(op);
            for (Object declared : parameters(template, operation)) {
                Map<String, Object> parameter = contract.resolve(Template.map(declared));
                if (!"path".equals(parameter.get("in"))) {
                    walk(scope(method.toUpperCase(), template, declared, String.valueOf(parameter.get("name"))),
                            parameter.get("schema"), "/allOf/0", true, constraints);
                }
            }
            Object schema = bodySchema(operation);
            if (schema != null) {
                walk(scope(method.toUpperCase(), template, schema, "body"), schema, "/allOf/0", false, constraints);
            }
        }));
        return constraints;
    }

    private void walk(String scope, Object node, String path, boolean parameter, Set<String> out) {
        Map<String, Object> schema = Template.map(node);
        if (schema.get("$ref") instanceof String ref) {
            walk(scope, Template.map(Template.map(contract.document().get("components")).get("schemas"))
                    .get(ref.substring(SCHEMAS.length())), path + "/$ref", parameter, out);
        }
        schema.forEach((keyword, value) -> {
            boolean alwaysString = parameter && keyword.equals("type") && "string".equals(value);
            if (KEYWORDS.contains(keyword) && !alwaysString) {
                out.add(scope + " " + path + "/" + keyword);
            }
            switch (keyword) {
                case "required" -> Template.list(value).forEach(name -> out.add(scope + " " + path + "/required/" + name));
                case "properties" -> Template.map(value).forEach((name, property) ->
                        walk(scope, property, path + "/properties/" + name, parameter, out));
                case "items", "then" -> walk(scope, value, path + "/" + keyword, parameter, out);
                case "allOf", "oneOf", "anyOf" -> {
                    List<Object> branches = Template.list(value);
                    for (int i = 0; i < branches.size(); i++) {
                        walk(scope, branches.get(i), path + "/" + keyword + "/" + i, parameter, out);
                    }
                }
                case "additionalProperties" -> {
                    if (Boolean.FALSE.equals(value)) {
                        out.add(scope + " " + path + "/additionalProperties");
                    } else {
                        walk(scope, value, path + "/additionalProperties", parameter, out);
                    }
                }
                default -> { }
            }
        });
    }

    private List<Violation> check(String scope, Object schema, String json, boolean formats) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            return List.of(new Violation(scope + " (not JSON)", e.getMessage()));
        }
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage m : contract.messages(schema, node, formats)) {
            String path = m.getEvaluationPath().toString();
            violations.add(new Violation(scope + " " + path + (m.getType().equals("required") ? "/" + m.getProperty() : ""),
                    m.getMessage()));
        }
        return violations;
    }

    private List<Object> parameters(String template, Map<String, Object> operation) {
        List<Object> parameters = new ArrayList<>(Template.list(Template.map(Template.map(contract.document().get("paths"))
                .get(template)).get("parameters")));
        parameters.addAll(Template.list(operation.get("parameters")));
        return parameters;
    }

    private static Object bodySchema(Map<String, Object> operation) {
        return Template.map(Template.map(Template.map(operation.get("requestBody")).get("content"))
                .get("application/json")).get("schema");
    }

    /** A shared component counts once wherever it is used; an inline schema belongs to its operation. */
    private static String scope(String method, String template, Object declared, String name) {
        Object ref = Template.map(declared).get("$ref");
        return ref != null ? String.valueOf(ref).substring(String.valueOf(ref).lastIndexOf('/') + 1)
                : method + " " + template + " " + name;
    }
}
