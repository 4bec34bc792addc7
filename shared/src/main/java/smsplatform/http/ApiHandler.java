package smsplatform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.log.Log;
import smsplatform.ports.IdempotencyStore;
import smsplatform.support.Digests;
import smsplatform.support.Ids;

/**
 * What every HTTP handler does around its routes: structured log context, the caller's identity,
 * Idempotency-Key on writes, and the mapping of refusals to error responses. A bug is a logged 500,
 * never bad input's answer.
 */
public final class ApiHandler {

    @FunctionalInterface
    public interface Routes {
        APIGatewayV2HTTPResponse handle(ApiRequest request);
    }

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final String function;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    public ApiHandler(String function, IdempotencyStore idempotency, Clock clock) {
        this.function = function;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public APIGatewayV2HTTPResponse run(APIGatewayV2HTTPEvent event, Context context, Routes routes) {
        ApiRequest request = new ApiRequest(event, Ids.random(clock));
        // The id the answer carries (API Gateway's request id), so a client's requestId finds these lines.
        Log.begin(function, request.requestId());
        Log.context("awsRequestId", context == null ? null : context.getAwsRequestId(), "route", request.routeKey());
        APIGatewayV2HTTPResponse response;
        try {
            String key = request.header(IDEMPOTENCY_HEADER);
            response = key != null && isWrite(request) ? idempotent(request, key, routes) : handle(request, routes);
        } catch (Failure failure) {
            response = refused(request, failure);
        }
        Log.info("request.done", "status", response.getStatusCode());
        return response;
    }

    private APIGatewayV2HTTPResponse handle(ApiRequest request, Routes routes) {
        try {
            return routes.handle(request);
        } catch (Failure failure) {
            return refused(request, failure);
        } catch (RuntimeException e) {
            Log.error("request.failed", e);
            return ApiResponses.error(500, "InternalError", "Something went wrong on our side; retry later", null,
                    request.requestId());
        }
    }

    private static APIGatewayV2HTTPResponse refused(ApiRequest request, Failure failure) {
        Log.info("request.refused", "status", ApiResponses.status(failure.category()), "code", failure.code());
        return ApiResponses.error(failure, request.requestId());
    }

    /** The first response for this key and request, whichever attempt produces it. */
    private APIGatewayV2HTTPResponse idempotent(ApiRequest request, String key, Routes routes) {
        if (!KEY.matcher(key).matches()) {
            throw Failure.invalid("InvalidParameterValue.IdempotencyKey",
                    "Idempotency-Key must be 1-255 visible ASCII characters", IDEMPOTENCY_HEADER);
        }
        Caller caller = request.caller();
        IdempotencyStore.Begin begin = idempotency.begin(caller.accountId(), key, fingerprint(request),
                Ids.random(clock).next("seed-"), clock.instant());
        if (begin instanceof IdempotencyStore.Replay replay) {
            Log.info("request.replayed", "idempotencyKeyStatus", replay.status());
            return ApiResponses.raw(replay.status(), replay.body());
        }
        request.useIds(Ids.seeded(((IdempotencyStore.Run) begin).seed()));
        APIGatewayV2HTTPResponse response = handle(request, routes);
        if (response.getStatusCode() >= 500) {
            idempotency.release(caller.accountId(), key);
        } else {
            idempotency.complete(caller.accountId(), key, response.getStatusCode(),
                    response.getBody() == null ? "" : response.getBody(), clock.instant());
        }
        return response;
    }

    private static boolean isWrite(ApiRequest request) {
        String route = request.routeKey() == null ? "" : request.routeKey();
        return route.startsWith("POST ") || route.startsWith("PUT ") || route.startsWith("DELETE ")
                || route.startsWith("PATCH ");
    }

    /** Same route, same path parameters, same body bytes: the same request. */
    private static String fingerprint(ApiRequest request) {
        Map<String, String> params = new TreeMap<>(request.pathParameters());
        return Digests.sha256Hex(request.routeKey() + "\0" + params + "\0" + request.bodyText());
    }

    public static Failure unknownRoute(ApiRequest request) {
        return new Failure(Failure.Category.NOT_FOUND, "UnknownRoute", "No route " + request.routeKey(), null);
    }
}
