package smsplatform.functions.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Core;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoOptOuts;
import smsplatform.aws.DynamoReplies;
import smsplatform.aws.DynamoSendCounters;
import smsplatform.aws.DynamoSentMessages;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoStatistics;
import smsplatform.aws.DynamoTemplateStore;
import smsplatform.aws.FaultPoints;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.SqsOutboundQueue;
import smsplatform.domain.ApprovedTemplate;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateRules;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;
import smsplatform.http.ApiHandler;
import smsplatform.http.ApiRequest;
import smsplatform.http.ApiResponses;
import smsplatform.http.JsonBody;
import smsplatform.http.SnapStartPrimed;
import smsplatform.http.SnapStartPriming;
import smsplatform.json.OptOutJson;
import smsplatform.json.ReplyJson;
import smsplatform.json.SendStatusJson;
import smsplatform.json.SmsMessageJson;
import smsplatform.json.StatisticsJson;
import smsplatform.phone.LibPhoneNumberPlan;
import smsplatform.service.OptOutService;
import smsplatform.service.PullService;
import smsplatform.service.SendSmsService;
import smsplatform.support.Lazy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code POST /v1/sms/send}, {@code GET /v1/sms/{serialNo}}, the pulls {@code GET /v1/sms}, {@code GET /v1/statistics}
 * and {@code GET /v1/replies}, and the opt-out list {@code GET /v1/opt-outs}, {@code PUT|DELETE /v1/opt-outs/{number}}.
 */
public final class SendSmsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        SnapStartPrimed {

    private static final int MAX_SESSION_CONTEXT = 512;
    /** Where sms-local's crash tests may pause a send: messages recorded, not queued yet. */
    static final String AFTER_RECORDED = "send-sms.after-recorded";
    /** A well-formed serial number no message has (made at the epoch): priming reads the table for it, and finds nothing. */
    private static final String PRIMING_SERIAL_NO = SerialNo.PREFIX + "0".repeat(26);

    private final SendSmsService sms;
    /** Built on first use: a send's cold start does not load what only the pulls and the opt-out routes use. */
    private final Supplier<PullService> pulls;
    private final Supplier<OptOutService> optOuts;
    private final LibPhoneNumberPlan plan;
    private final ApiHandler api;

    public SendSmsHandler() {
        this(FunctionEnvironment.fromSystem(), AwsClients.dynamoDb(), new LibPhoneNumberPlan());
        Core.getGlobalContext().register(this);
    }

    private SendSmsHandler(FunctionEnvironment env, DynamoDbClient dynamo, LibPhoneNumberPlan plan) {
        this(new SendSmsService(new DynamoSignatureStore(dynamo, env.tableName()),
                        new DynamoTemplateStore(dynamo, env.tableName()),
                        new DynamoMessageStore(dynamo, env.tableName()),
                        new SqsOutboundQueue(Lazy.of(AwsClients::sqs), env.outboundQueueUrl()),
                        new DynamoSendCounters(dynamo, env.tableName()), new DynamoOptOuts(dynamo, env.tableName()),
                        new DynamoStatistics(dynamo, env.tableName()), plan, Clock.systemUTC(),
                        FaultPoints.pause(AFTER_RECORDED)),
                Lazy.of(() -> new PullService(new DynamoSentMessages(dynamo, env.tableName()),
                        new DynamoStatistics(dynamo, env.tableName()), new DynamoReplies(dynamo, env.tableName()),
                        plan, Clock.systemUTC())),
                Lazy.of(() -> new OptOutService(new DynamoOptOuts(dynamo, env.tableName()), plan, Clock.systemUTC())),
                plan, env.apiHandler("send-sms", dynamo));
    }

    public SendSmsHandler(SendSmsService sms, PullService pulls, OptOutService optOuts, LibPhoneNumberPlan plan,
                          ApiHandler api) {
        this(sms, () -> pulls, () -> optOuts, plan, api);
    }

    private SendSmsHandler(SendSmsService sms, Supplier<PullService> pulls, Supplier<OptOutService> optOuts,
                           LibPhoneNumberPlan plan, ApiHandler api) {
        this.sms = sms;
        this.pulls = pulls;
        this.optOuts = optOuts;
        this.plan = plan;
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.run(event, context, this::route);
    }

    /**
     * SnapStart: before the snapshot, prime with a send refused for its sign and an unknown message
     * (nothing is stored), render a template and read every region's numbers (the sign's refusal comes first).
     * Statuses: 400 and 404 when the table is reachable.
     */
    @Override
    public List<Integer> prime() {
        plan.prime();
        new ApprovedTemplate(new TemplateId(TemplateId.PREFIX + "0".repeat(26)), false, TemplateType.VERIFICATION_CODE,
                "Priming {1}", List.of(VariableKind.CODE)).render(List.of("0000"));
        return SnapStartPriming.run(this, List.of(
                SnapStartPriming.request("POST /v1/sms/send", "/v1/sms/send", null,
                        "{\"phoneNumbers\": [\"+8613800138000\"], \"sign\": \"Priming\", \"templateId\": \"tpl-priming\"}",
                        "sms/send"),
                SnapStartPriming.request("GET /v1/sms/{serialNo}", "/v1/sms/" + PRIMING_SERIAL_NO,
                        Map.of("serialNo", PRIMING_SERIAL_NO), null, "sms/send")));
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request) {
        Caller caller = request.caller();
        return switch (request.routeKey()) {
            case "POST /v1/sms/send" -> send(caller, request);
            case "GET /v1/sms/{serialNo}" -> status(sms.status(caller, request.pathId("serialNo", SerialNo::parse, "Message")));
            case "GET /v1/sms" -> messages(caller, request);
            case "GET /v1/statistics" -> statistics(caller, request);
            case "GET /v1/replies" -> replies(caller, request);
            case "GET /v1/opt-outs" -> optOuts(caller, request);
            case "PUT /v1/opt-outs/{number}" ->
                    ApiResponses.json(200, OptOutJson.toApi(optOuts.get().optOut(caller, request.pathParameter("number"))));
            case "DELETE /v1/opt-outs/{number}" -> {
                optOuts.get().optIn(caller, request.pathParameter("number"));
                yield ApiResponses.noContent();
            }
            default -> throw ApiHandler.unknownRoute(request);
        };
    }

    private APIGatewayV2HTTPResponse send(Caller caller, ApiRequest request) {
        JsonBody body = request.jsonBody();
        if (body.has("content")) {
            throw Failure.invalid("InvalidParameterValue.TemplateRequired",
                    "Free text is not sent: send an approved template with templateId and templateParams", "content");
        }
        List<String> numbers = body.stringList("phoneNumbers", 10_000);
        String sessionContext = body.optionalString("sessionContext", MAX_SESSION_CONTEXT);
        if (sessionContext != null && sessionContext.getBytes(StandardCharsets.UTF_8).length > MAX_SESSION_CONTEXT) {
            throw Failure.invalidField("sessionContext", "sessionContext is at most " + MAX_SESSION_CONTEXT + " bytes");
        }
        SendSmsService.Request send = new SendSmsService.Request(numbers, body.optionalString("sign", 100),
                body.optionalString("templateId", 100), body.stringList("templateParams", TemplateRules.MAX_VARIABLES),
                sessionContext);
        List<Map<String, Object>> statuses = sms.send(caller, send, request.ids()).stream()
                .map(SendStatusJson::toApi).toList();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("sendStatuses", statuses);
        response.put("requestId", request.requestId());
        return ApiResponses.json(200, response);
    }

    private APIGatewayV2HTTPResponse messages(Caller caller, ApiRequest request) {
        Page<Map<String, Object>> page = pulls.get().messages(caller, new PullService.MessageQuery(
                        request.query("phoneNumber"), request.query("from"), request.query("to"), request.query("status"),
                        request.queryInt("limit", 20, 1, 100), request.query("nextToken")))
                .map(SmsMessageJson::toListItem, token -> token)
                .within(ApiResponses::responseBytes, ApiResponses.PAGE_BUDGET);
        return listing("messages", page, request);
    }

    private APIGatewayV2HTTPResponse replies(Caller caller, ApiRequest request) {
        Page<Map<String, Object>> page = pulls.get().replies(caller, request.query("from"), request.query("to"),
                        request.queryInt("limit", 20, 1, 100), request.query("nextToken"))
                .map(ReplyJson::toApi, token -> token)
                .within(ApiResponses::responseBytes, ApiResponses.PAGE_BUDGET);
        return listing("replies", page, request);
    }

    private APIGatewayV2HTTPResponse optOuts(Caller caller, ApiRequest request) {
        Page<Map<String, Object>> page = optOuts.get().list(caller, request.queryInt("limit", 20, 1, 100),
                request.query("nextToken")).map(OptOutJson::toApi, token -> token);
        return listing("optOuts", page, request);
    }

    private static APIGatewayV2HTTPResponse listing(String name, Page<Map<String, Object>> page, ApiRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, page.items());
        body.put("nextToken", page.nextToken());
        body.put("requestId", request.requestId());
        return ApiResponses.json(200, body);
    }

    private APIGatewayV2HTTPResponse statistics(Caller caller, ApiRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", pulls.get().statistics(caller, request.query("from"), request.query("to")).stream()
                .map(StatisticsJson::toApi).toList());
        body.put("requestId", request.requestId());
        return ApiResponses.json(200, body);
    }

    private static APIGatewayV2HTTPResponse status(SmsMessage m) {
        return ApiResponses.json(200, SmsMessageJson.toDetail(m));
    }
}
