package smsplatform.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountType;
import smsplatform.log.Log;
import smsplatform.support.Lazy;

/**
 * SnapStart priming: before Lambda snapshots an HTTP function, its handler runs requests through
 * its whole path (JSON, validation, service, SDK marshalling, signing, HTTP) so that the classes of
 * the first real invocation are already loaded and initialised in the snapshot. The requests are
 * side-effect free by construction: reads, or writes refused before anything is stored, always for
 * {@link #ACCOUNT}, an account no customer can have (account ids come from the authorizer's tokens).
 */
public final class SnapStartPriming {

    public static final String ACCOUNT = "snapstart-priming";

    private SnapStartPriming() {}

    public static APIGatewayV2HTTPEvent request(String routeKey, String path, Map<String, String> pathParameters,
                                                String body, String scope) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withRouteKey(routeKey)
                        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .withAuthorizer(RequestContext.Authorizer.builder().withJwt(RequestContext.Authorizer.JWT.builder()
                                .withClaims(Map.of("sub", ACCOUNT, "account_id", ACCOUNT,
                                        "account_type", AccountType.ENTERPRISE.name(), "scope", scope))
                                .build()).build())
                        .build())
                .build();
    }

    /**
     * Builds every lazily built client, then runs the requests; returns their statuses. A failure never
     * stops the snapshot: it is logged and counted as 0.
     */
    public static List<Integer> run(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                    List<APIGatewayV2HTTPEvent> requests) {
        Lazy.initializeAll();
        List<Integer> statuses = new ArrayList<>();
        for (APIGatewayV2HTTPEvent request : requests) {
            try {
                statuses.add(handler.handleRequest(request, null).getStatusCode());
            } catch (RuntimeException e) {
                Log.error("snapstart.priming.failed", e);
                statuses.add(0);
            }
        }
        Log.info("snapstart.primed", "statuses", statuses);
        return statuses;
    }
}
