package smsplatform.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP API's {@code CorsConfiguration}, applied as API Gateway applies it: a preflight (OPTIONS with Origin and
 * Access-Control-Request-Method) is answered by the gateway itself, any route or none, and an answer to a request
 * from an admitted origin carries Access-Control-Allow-Origin. An origin, method or header not admitted gets no
 * Access-Control-Allow-* header, so the browser refuses the request.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
final class ApiCors {

    private final boolean configured;
    private final List<String> origins;
    private final List<String> methods;
    private final List<String> headers;
    private final String maxAge;

    private ApiCors(boolean configured, List<String> origins, List<String> methods, List<String> headers, String maxAge) {
        this.configured = configured;
        this.origins = origins;
        this.methods = methods;
        this.headers = headers;
        this.maxAge = maxAge;
    }

    static ApiCors of(StackPlan plan) {
        for (String api : plan.template.resourcesOfType("AWS::Serverless::HttpApi")) {
            Object cors = plan.choose(plan.template.properties(api).get("CorsConfiguration"));
            if (cors != null) {
                Map<String, Object> c = Template.map(cors);
                Object maxAge = plan.choose(c.get("MaxAge"));
                return new ApiCors(true, strings(plan, c.get("AllowOrigins")), strings(plan, c.get("AllowMethods")),
                        strings(plan, c.get("AllowHeaders")).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
                        maxAge == null ? null : plan.resolve(maxAge));
            }
        }
        return new ApiCors(false, List.of(), List.of(), List.of(), null);
    }

    /** The list's values, each element's Fn::If chosen (an AWS::NoValue element is dropped). */
    private static List<String> strings(StackPlan plan, Object values) {
        List<String> strings = new ArrayList<>();
        Object chosen = plan.choose(values);
        Template.list(chosen).stream().map(plan::choose).filter(Objects::nonNull).map(plan::resolve).forEach(strings::add);
        return strings;
    }

    /** Whether the gateway answers this request itself, as a CORS preflight. */
    boolean isPreflight(String method, String origin, String requestMethod) {
        return configured && method.equals("OPTIONS") && origin != null && requestMethod != null;
    }

    /** The preflight's answer headers: none unless the origin, the method and every requested header are admitted. */
    Map<String, String> preflight(String origin, String requestMethod, String requestHeaders) {
        Map<String, String> answer = new LinkedHashMap<>();
        List<String> requested = requestHeaders == null || requestHeaders.isBlank() ? List.of()
                : List.of(requestHeaders.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        if (origins.contains(origin) && methods.contains(requestMethod.toUpperCase(Locale.ROOT))
                && headers.containsAll(requested.stream().map(String::trim).toList())) {
            answer.put("Access-Control-Allow-Origin", origin);
            answer.put("Access-Control-Allow-Methods", String.join(",", methods));
            if (!headers.isEmpty()) {
                answer.put("Access-Control-Allow-Headers", String.join(",", headers));
            }
            if (maxAge != null) {
                answer.put("Access-Control-Max-Age", maxAge);
            }
        }
        return answer;
    }

    /** Access-Control-Allow-Origin for a request that names {@code origin}, if admitted. */
    Optional<String> allowOrigin(String origin) {
        return origin != null && origins.contains(origin) ? Optional.of(origin) : Optional.empty();
    }
}
