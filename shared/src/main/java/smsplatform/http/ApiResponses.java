package smsplatform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.Failure;
import smsplatform.json.Json;

/** Responses in the shapes of DESIGN §4. */
public final class ApiResponses {

    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json; charset=utf-8");

    /**
     * Lambda refuses a response over 6 MB (the whole response document, where the body is a JSON string
     * with its own escapes): the items of one listing page may take 5 MB of it, the rest is headroom.
     */
    public static final long PAGE_BUDGET = 5_000_000;

    private ApiResponses() {}

    /** What a part of a body adds to the response document: its JSON, escaped again as in the body string. */
    public static long responseBytes(Object part) {
        return Json.write(Json.write(part)).getBytes(StandardCharsets.UTF_8).length;
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(JSON_HEADERS)
                .withBody(Json.write(body)).build();
    }

    /** A stored response replayed as it was first sent. */
    public static APIGatewayV2HTTPResponse raw(int status, String body) {
        return status == 204 ? noContent() : APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(JSON_HEADERS).withBody(body).build();
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
    }

    public static APIGatewayV2HTTPResponse error(Failure failure, String requestId) {
        return error(status(failure.category()), failure.code(), failure.getMessage(), failure.field(), requestId);
    }

    public static APIGatewayV2HTTPResponse error(int status, String code, String message, String field,
                                                 String requestId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("requestId", requestId);
        return json(status, body);
    }

    static int status(Failure.Category category) {
        return switch (category) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
        };
    }
}
