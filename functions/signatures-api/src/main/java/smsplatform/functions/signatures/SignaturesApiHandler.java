package smsplatform.functions.signatures;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import smsplatform.aws.AwsClients;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.Caller;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateRules;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;
import smsplatform.http.ApiHandler;
import smsplatform.http.ApiRequest;
import smsplatform.http.ApiResponses;
import smsplatform.http.JsonBody;
import smsplatform.http.SnapStartPrimed;
import smsplatform.http.SnapStartPriming;
import smsplatform.json.CallbackJson;
import smsplatform.json.SignatureJson;
import smsplatform.json.TemplateJson;
import smsplatform.service.CallbackService;
import smsplatform.service.SignatureService.Upload;
import smsplatform.service.SignatureService;
import smsplatform.service.TemplateService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Application API: every {@code /v1/signatures…}, {@code /v1/templates…} and {@code /v1/callbacks…}
 * route. Templates and the account's callback live here rather than in functions of their own: the
 * console calls them all, and they share the table and the grants, so one warm pool serves them and no
 * extra cold start is paid.
 */
public final class SignaturesApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        SnapStartPrimed {

    private final SignatureService signatures;
    private final TemplateService templates;
    private final CallbackService callbacks;
    private final ApiHandler api;

    /**
     * Lambda's constructor: clients built once per container from the environment; S3 and SQS on first
     * use (a list or a lookup calls neither).
     */
    public SignaturesApiHandler() {
        this(FunctionEnvironment.fromSystem(), AwsClients.dynamoDb());
        Core.getGlobalContext().register(this);
    }

    private SignaturesApiHandler(FunctionEnvironment env, DynamoDbClient dynamo) {
        this(SignaturesWiring.from(env, dynamo), env.apiHandler("signatures-api", dynamo));
    }

    private SignaturesApiHandler(SignaturesWiring wiring, ApiHandler api) {
        this(wiring.signatures(), wiring.templates(), wiring.callbacks(), api);
    }

    public SignaturesApiHandler(SignatureService signatures, TemplateService templates, CallbackService callbacks,
                                ApiHandler api) {
        this.signatures = signatures;
        this.templates = templates;
        this.callbacks = callbacks;
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.run(event, context, this::route);
    }

    /**
     * SnapStart: before the snapshot, prime with a list, a lookup and a refused submission (nothing is
     * stored). Statuses: 200, 404 and 400 when the table is reachable.
     */
    @Override
    public List<Integer> prime() {
        return SnapStartPriming.run(this, List.of(
                SnapStartPriming.request("GET /v1/signatures", "/v1/signatures", null, null, "sms/send"),
                SnapStartPriming.request("GET /v1/signatures/{signatureId}", "/v1/signatures/sig-priming",
                        Map.of("signatureId", "sig-priming"), null, "sms/send"),
                SnapStartPriming.request("POST /v1/signatures", "/v1/signatures", null,
                        "{\"name\": \"P\", \"type\": \"COMPANY\", \"purpose\": \"SELF_USE\", \"international\": false,"
                                + " \"entity\": {\"name\": \"Priming Co., Ltd.\"}}", "sms/send")));
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request) {
        Caller caller = request.caller();
        return switch (request.routeKey()) {
            case "POST /v1/signatures" -> submit(caller, request);
            case "GET /v1/signatures" -> list(caller, request);
            case "GET /v1/signatures/{signatureId}" ->
                    ApiResponses.json(200, SignatureJson.toApi(signatures.get(caller, signatureId(request))));
            case "PUT /v1/signatures/{signatureId}" -> {
                SignatureApplication changed = application(request.jsonBody());
                yield ApiResponses.json(200, SignatureJson.toApi(signatures.modify(caller, signatureId(request), changed)));
            }
            case "DELETE /v1/signatures/{signatureId}" -> {
                signatures.delete(caller, signatureId(request));
                yield ApiResponses.noContent();
            }
            case "POST /v1/signatures/{signatureId}/uploads" -> newUpload(caller, request);
            case "POST /v1/templates" ->
                    ApiResponses.json(201, TemplateJson.toApi(templates.submit(caller, template(request.jsonBody()), request.ids())));
            case "GET /v1/templates" -> listTemplates(caller, request);
            case "GET /v1/templates/{templateId}" ->
                    ApiResponses.json(200, TemplateJson.toApi(templates.get(caller, templateId(request))));
            case "PUT /v1/templates/{templateId}" -> {
                TemplateApplication changed = template(request.jsonBody());
                yield ApiResponses.json(200, TemplateJson.toApi(templates.modify(caller, templateId(request), changed)));
            }
            case "DELETE /v1/templates/{templateId}" -> {
                templates.delete(caller, templateId(request));
                yield ApiResponses.noContent();
            }
            case "PUT /v1/callbacks" -> {
                JsonBody body = request.jsonBody();
                CallbackService.Saved saved = callbacks.put(caller, body.requiredString("url"),
                        body.stringList("events", CallbackEvent.Type.values().length));
                yield ApiResponses.json(200, CallbackJson.subscription(saved.subscription(), saved.created()));
            }
            case "GET /v1/callbacks" -> ApiResponses.json(200, CallbackJson.subscription(callbacks.get(caller), false));
            case "DELETE /v1/callbacks" -> {
                callbacks.delete(caller);
                yield ApiResponses.noContent();
            }
            case "POST /v1/callbacks/secret" -> ApiResponses.json(200, CallbackJson.subscription(callbacks.rotate(caller), true));
            case "GET /v1/callbacks/failures" -> page("failures", callbacks.failures(caller,
                    request.queryInt("limit", 50, 1, 100), emptyToNull(request.query("nextToken")))
                    .map(CallbackJson::failure, token -> token));
            default -> throw ApiHandler.unknownRoute(request);
        };
    }

    private APIGatewayV2HTTPResponse submit(Caller caller, ApiRequest request) {
        SignatureService.Submitted submitted = signatures.submit(caller, application(request.jsonBody()), request.ids());
        List<Object> uploads = new ArrayList<>();
        submitted.uploads().forEach(u -> uploads.add(upload(u)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signature", SignatureJson.toApi(submitted.signature()));
        body.put("uploads", uploads);
        return ApiResponses.json(201, body);
    }

    private APIGatewayV2HTTPResponse list(Caller caller, ApiRequest request) {
        SignatureStatus filter = statusFilter(request, SignatureStatus.class);
        return page("signatures", signatures.list(caller, filter, request.queryInt("limit", 50, 1, 100),
                emptyToNull(request.query("nextToken"))).map(SignatureJson::toApi, token -> token));
    }

    private APIGatewayV2HTTPResponse listTemplates(Caller caller, ApiRequest request) {
        TemplateStatus filter = statusFilter(request, TemplateStatus.class);
        return page("templates", templates.list(caller, filter, request.queryInt("limit", 50, 1, 100),
                emptyToNull(request.query("nextToken"))).map(TemplateJson::toApi, token -> token));
    }

    private static <E extends Enum<E>> E statusFilter(ApiRequest request, Class<E> type) {
        String status = request.query("status");
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, status);
        } catch (IllegalArgumentException e) {
            throw Failure.invalidField("status", "status must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static APIGatewayV2HTTPResponse page(String name, Page<Map<String, Object>> items) {
        Page<Map<String, Object>> page = items.within(ApiResponses::responseBytes, ApiResponses.PAGE_BUDGET);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, page.items());
        body.put("nextToken", page.nextToken());
        return ApiResponses.json(200, body);
    }

    private APIGatewayV2HTTPResponse newUpload(Caller caller, ApiRequest request) {
        JsonBody body = request.jsonBody();
        DocumentKind kind = body.requiredEnum("kind", DocumentKind.class);
        String contentType = body.requiredString("contentType");
        Upload upload = signatures.newUpload(caller, signatureId(request), kind, contentType, request.ids());
        return ApiResponses.json(201, Map.of("upload", upload(upload)));
    }

    private static SignatureId signatureId(ApiRequest request) {
        return request.pathId("signatureId", SignatureId::parse, "Signature");
    }

    private static TemplateId templateId(ApiRequest request) {
        return request.pathId("templateId", TemplateId::parse, "Template");
    }

    private static SignatureApplication application(JsonBody body) {
        return new SignatureApplication(
                body.requiredString("name"),
                body.requiredEnum("type", SignatureType.class),
                body.requiredEnum("purpose", SignaturePurpose.class),
                body.optionalBoolean("international", false),
                body.stringMap("entity"),
                body.optionalString("remark", 500));
    }

    private static TemplateApplication template(JsonBody body) {
        return new TemplateApplication(
                body.requiredString("name"),
                body.requiredEnum("type", TemplateType.class),
                body.optionalBoolean("international", false),
                body.requiredString("content"),
                body.objectList("variables", TemplateRules.MAX_VARIABLES).stream()
                        .map(v -> v.requiredEnum("kind", VariableKind.class)).toList(),
                body.optionalString("remark", JsonBody.MAX_STRING));
    }

    private static Map<String, Object> upload(Upload upload) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", upload.kind().name());
        m.put("url", upload.request().url());
        m.put("method", upload.request().method());
        m.put("headers", upload.request().headers());
        m.put("fields", upload.request().fields());
        m.put("expiresAt", upload.request().expiresAt().toString());
        return m;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
