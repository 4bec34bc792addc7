package smsplatform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import smsplatform.domain.Failure;
import smsplatform.log.Log;

/**
 * What every HTTP handler does around its routes: structured log context, the caller's identity,
 * and the mapping of refusals to error responses. A bug is a logged 500, never bad input's answer.
 */
public final class ApiHandler {

    @FunctionalInterface
    public interface Routes {
        APIGatewayV2HTTPResponse handle(ApiRequest request);
    }

    private ApiHandler() {}

    public static APIGatewayV2HTTPResponse run(String function, APIGatewayV2HTTPEvent event, Context context,
                                               Routes routes) {
        ApiRequest request = new ApiRequest(event);
        Log.begin(function, context == null ? request.requestId() : context.getAwsRequestId());
        Log.context("route", request.routeKey());
        try {
            APIGatewayV2HTTPResponse response = routes.handle(request);
            Log.info("request.done", "status", response.getStatusCode());
            return response;
        } catch (Failure failure) {
            Log.info("request.refused", "status", ApiResponses.status(failure.category()), "code", failure.code());
            return ApiResponses.error(failure, request.requestId());
        } catch (RuntimeException e) {
            Log.error("request.failed", e);
            return ApiResponses.error(500, "InternalError", "Something went wrong on our side; retry later", null,
                    request.requestId());
        }
    }

    public static Failure unknownRoute(ApiRequest request) {
        return new Failure(Failure.Category.NOT_FOUND, "UnknownRoute", "No route " + request.routeKey(), null);
    }
}
