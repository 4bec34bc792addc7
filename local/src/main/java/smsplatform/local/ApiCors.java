package smsplatform.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP API's {@code CorsConfiguration}, applied as API Gateway applies it: a preflight (OPTIONS with Origin and
 * Access-Control-Request-Method) is answered by the gateway itself, any route or none, and an answer to a request
 * from an admitted origin carries Access-Control-Allow-Origin. An origin, method or header not admitted gets no
 * Access-Control-Allow-* header, so the browser refuses the request.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
record ApiCors(boolean configured, List<String> origins, List<String> methods, List<String> headers, String maxAge) {

    private static final Pattern LIST = Pattern.compile("\\s*,\\s*");

    static ApiCors of(StackPlan plan) {
        for (String api : plan.template.resourcesOfType("AWS::Serverless::HttpApi")) {
            Object cors = plan.choose(plan.template.properties(api).get("CorsConfiguration"));
            if (cors != null) {
                Map<String, Object> c = Template.map(cors);
                Object maxAge = plan.choose(c.get("MaxAge"));
                return new ApiCors(true, plan.strings(c.get("AllowOrigins")), plan.strings(c.get("AllowMethods")),
                        plan.strings(c.get("AllowHeaders")).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
                        maxAge == null ? null : plan.resolve(maxAge));
            }
        }
        return new ApiCors(false, List.of(), List.of(), List.of(), null);
    }

    /** Whether the gateway answers this request itself, as a CORS preflight. */
    boolean isPreflight(String method, String origin, String requestMethod) {
        return configured && method.equals("OPTIONS") && origin != null && requestMethod != null;
    }

    /** The preflight's answer headers: none unless the origin, the method and every requested header are admitted. */
    Map<String, String> preflight(String origin, String requestMethod, String requestHeaders) {
        Map<String, String> answer = new LinkedHashMap<>();
        List<String> requested = requestHeaders == null || requestHeaders.isBlank() ? List.of()
                : List.of(LIST.split(requestHeaders.toLowerCase(Locale.ROOT)));
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
