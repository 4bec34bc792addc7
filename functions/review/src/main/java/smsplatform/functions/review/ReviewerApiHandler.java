package smsplatform.functions.review;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import smsplatform.aws.AwsClients;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.domain.ApplicationId;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.Signature;
import smsplatform.domain.Template;
import smsplatform.http.ApiHandler;
import smsplatform.http.ApiRequest;
import smsplatform.http.ApiResponses;
import smsplatform.http.JsonBody;
import smsplatform.http.SnapStartPrimed;
import smsplatform.http.SnapStartPriming;
import smsplatform.json.SignatureJson;
import smsplatform.json.TemplateJson;
import smsplatform.service.ReviewerService.PendingReview;
import smsplatform.service.ReviewerService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The reviewer routes ({@code /v1/reviews…}, scope {@code sms/reviewer}); decisions are only enqueued. */
public final class ReviewerApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        SnapStartPrimed {

    private final ReviewerService reviews;
    private final ApiHandler api;

    public ReviewerApiHandler() {
        this(FunctionEnvironment.fromSystem(), AwsClients.dynamoDb());
        Core.getGlobalContext().register(this);
    }

    private ReviewerApiHandler(FunctionEnvironment env, DynamoDbClient dynamo) {
        this(ReviewWiring.reviewer(env, dynamo),
                env.apiHandler("reviewer-api", dynamo));
    }

    public ReviewerApiHandler(ReviewerService reviews, ApiHandler api) {
        this.reviews = reviews;
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.run(event, context, this::route);
    }

    /**
     * SnapStart: before the snapshot, prime with the queue's first page and a refused decision (nothing is
     * stored). Statuses: 200 and 400 when the table is reachable.
     */
    @Override
    public List<Integer> prime() {
        return SnapStartPriming.run(this, List.of(
                SnapStartPriming.request("GET /v1/reviews", "/v1/reviews", null, null, Caller.REVIEWER_SCOPE),
                SnapStartPriming.request("POST /v1/reviews/{signatureId}/decision", "/v1/reviews/sig-priming/decision",
                        Map.of("signatureId", "sig-priming"), "{\"decision\": \"PRIMING\"}", Caller.REVIEWER_SCOPE)));
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request) {
        Caller caller = request.caller();
        if (!caller.isReviewer()) {
            throw new Failure(Failure.Category.FORBIDDEN, "AuthFailure.MissingScope",
                    "Reviews need the " + Caller.REVIEWER_SCOPE + " scope", null);
        }
        return switch (request.routeKey()) {
            case "GET /v1/reviews" -> list(caller, request);
            case "POST /v1/reviews/{signatureId}/decision" -> decide(caller, request);
            default -> throw ApiHandler.unknownRoute(request);
        };
    }

    private APIGatewayV2HTTPResponse list(Caller caller, ApiRequest request) {
        Page<Map<String, Object>> page = reviews.awaitingReviewer(caller, kind(request.query("kind")),
                request.queryInt("limit", 50, 1, 100),
                request.query("nextToken")).map(ReviewerApiHandler::review, token -> token)
                .within(ApiResponses::responseBytes, ApiResponses.PAGE_BUDGET);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviews", page.items());
        body.put("nextToken", page.nextToken());
        return ApiResponses.json(200, body);
    }

    /** {@code ?kind=signature|template}; absent or empty: both. */
    private static ApplicationKind kind(String kind) {
        if (kind == null || kind.isEmpty()) {
            return null;
        }
        return switch (kind) {
            case "signature" -> ApplicationKind.SIGNATURE;
            case "template" -> ApplicationKind.TEMPLATE;
            default -> throw Failure.invalidField("kind", "kind must be signature or template");
        };
    }

    private static Map<String, Object> review(PendingReview pending) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", pending.application().accountId().value());
        if (pending.application() instanceof Template template) {
            m.put("template", TemplateJson.toApi(template));
        } else {
            m.put("signature", SignatureJson.toApi((Signature) pending.application()));
            m.put("documentUrls", pending.documentUrls());
        }
        return m;
    }

    private APIGatewayV2HTTPResponse decide(Caller caller, ApiRequest request) {
        JsonBody body = request.jsonBody();
        ReviewDecision decision = body.requiredEnum("decision", ReviewDecision.class);
        List<ReasonCode> reasons = body.enumList("reasons", ReasonCode.class);
        String comment = body.optionalString("comment", 1000);
        long version = body.requiredLong("version");
        ApplicationId id = request.pathId("signatureId", ApplicationId::parse, "Application");
        ApplicationKind kind = reviews.submitDecision(caller, id, decision, reasons, comment, version);
        return ApiResponses.json(202, Map.of(kind == ApplicationKind.TEMPLATE ? "templateId" : "signatureId", id.value(),
                "status", "ENQUEUED"));
    }
}
