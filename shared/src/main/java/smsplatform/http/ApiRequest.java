package smsplatform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.log.Log;
import smsplatform.support.Ids;

/** An HTTP API (payload format 2.0) request as the handlers see it. */
public final class ApiRequest {

    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private Ids.Source ids;

    public ApiRequest(APIGatewayV2HTTPEvent event, Ids.Source ids) {
        this.event = event;
        this.ids = ids;
    }

    /** Where this request's new ids come from (seeded under an Idempotency-Key). */
    public Ids.Source ids() {
        return ids;
    }

    void useIds(Ids.Source seeded) {
        this.ids = seeded;
    }

    public Map<String, String> pathParameters() {
        return event.getPathParameters() == null ? Map.of() : event.getPathParameters();
    }

    public String requestId() {
        return event.getRequestContext() == null ? "unknown" : event.getRequestContext().getRequestId();
    }

    /** "POST /v1/signatures/{signatureId}" — the route the API matched. */
    public String routeKey() {
        return event.getRouteKey();
    }

    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isEmpty()) {
            throw Failure.missingField(name);
        }
        Log.context(name, value);
        return value;
    }

    /**
     * The path parameter as a typed id; one of another shape names nothing, so it is the 404 of an id that
     * does not exist ({@code what} names the resource, as the services' 404s do).
     */
    public <T> T pathId(String name, Function<String, Optional<T>> parse, String what) {
        String raw = pathParameter(name);
        return parse.apply(raw).orElseThrow(() -> Failure.notFound(what + " " + raw));
    }

    public String query(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? null : params.get(name);
    }

    public int queryInt(String name, int fallback, int min, int max) {
        String raw = query(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw Failure.invalidField(name, name + " must be a whole number from " + min + " to " + max);
    }

    public String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The verified claims; a missing or malformed identity claim is 403 (the token itself was valid). */
    public Caller caller() {
        Map<String, String> claims = claims();
        AccountId accountId = AccountId.parse(claims.get("account_id")).orElseThrow(() -> new Failure(
                Failure.Category.FORBIDDEN, "AuthFailure.MissingClaim", "The token carries no valid account_id claim", null));
        AccountType type;
        try {
            type = AccountType.valueOf(String.valueOf(claims.get("account_type")));
        } catch (IllegalArgumentException e) {
            throw new Failure(Failure.Category.FORBIDDEN, "AuthFailure.MissingClaim",
                    "The token carries no valid account_type claim", null);
        }
        String scope = claims.getOrDefault("scope", "");
        Set<String> scopes = new HashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        scopes.remove("");
        String subject = claims.getOrDefault("sub", accountId.value());
        if (subject.length() > Caller.MAX_SUBJECT) {
            throw new Failure(Failure.Category.FORBIDDEN, "AuthFailure.MissingClaim",
                    "The token's sub claim is longer than " + Caller.MAX_SUBJECT + " characters", null);
        }
        Log.context("accountId", accountId.value());
        return new Caller(accountId, type, subject, scopes);
    }

    private Map<String, String> claims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            throw new Failure(Failure.Category.UNAUTHENTICATED, "AuthFailure.TokenMissing",
                    "No verified token came with the request", null);
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    public String bodyText() {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        String text = event.getIsBase64Encoded()
                ? new String(decodeBase64(body), StandardCharsets.UTF_8) : body;
        if (text.length() > MAX_BODY_BYTES / 4 && text.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new Failure(Failure.Category.TOO_LARGE, "RequestTooLarge",
                    "The request body is larger than 256 KiB", null);
        }
        return text;
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("MalformedBody", "The body is not valid base64", null);
        }
    }

    /** The body as a JSON object of valid Unicode; anything else is 400 MalformedBody ({@link JsonBody#parse}). */
    public JsonBody jsonBody() {
        return JsonBody.parse(bodyText());
    }
}
