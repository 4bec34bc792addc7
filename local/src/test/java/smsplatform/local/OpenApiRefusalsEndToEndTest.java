package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/**
 * The server refuses what openapi.yaml refuses: for each constraint of a request schema (bodies, query
 * parameters, the Idempotency-Key header), one request that breaks it and nothing else. Each row is first
 * shown to break the contract, then sent to the local stack, which must answer the expected 4xx with the
 * error envelope and change nothing. One shared stack, one account, every row in one pass.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class OpenApiRefusalsEndToEndTest {

    /** One request that breaks one constraint, and the refusal it gets. */
    record Row(String constraint, boolean reviewer, String method, String path, String body, Map<String, String> headers,
               int status, String code) {}

    static final String LONG = "x".repeat(2001);
    static final OpenApiRequests REQUESTS = new OpenApiRequests(OpenApiContract.INSTANCE);
    static RunningStack stack;
    static ApiClient applicant;
    static ApiClient reviewer;
    static String signature;
    static String template;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(OpenApiRefusalsEndToEndTest.class);
        applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "refusals", "ENTERPRISE", false));
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "refusals-ops", "ENTERPRISE", true));
        signature = (String) ApiClient.map(applicant.post("/v1/signatures", validSignature()).json().get("signature"))
                .get("signatureId");
        template = (String) applicant.post("/v1/templates", validTemplate()).json().get("templateId");
        applicant.await("/v1/templates/" + template, t -> "MANUAL".equals(t.get("reviewStage")),
                "the template's automatic review, before the state is compared");
    }

    static Map<String, Object> validSignature() {
        return Map.of("name", "Refusal Labs", "type", "COMPANY", "purpose", "SELF_USE",
                "entity", Map.of("name", "Refusal Labs Ltd."));
    }

    static Map<String, Object> validTemplate() {
        return Map.of("name", "Refusal code", "type", "VERIFICATION_CODE", "content", Journeys.CODE_TEMPLATE,
                "variables", List.of(Map.of("kind", "CODE")), "remark", "Sign-in verification codes");
    }

    /** International numbers need no signature, so the send's own checks are reached without an approved one. */
    static Map<String, Object> validSend() {
        return Map.of("phoneNumbers", List.of("+14155550123"), "templateId", "tpl-unknown",
                "templateParams", List.of("424242"));
    }

    static Map<String, Object> validCallback() {
        return Map.of("url", "https://hooks.refusals.invalid/sms", "events", List.of("MESSAGE_STATUS"));
    }

    static Map<String, Object> validDecision() {
        return Map.of("decision", "APPROVE", "version", 1);
    }

    /** {@code valid} with one change: {@code edit} puts, removes or reaches into nested objects. */
    static String with(Map<String, Object> valid, Consumer<Map<String, Object>> edit) {
        Map<String, Object> body = deepCopy(valid);
        edit.accept(body);
        return Json.write(body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Consumer<Map<String, Object>> entity(String field, Object value) {
        return body -> {
            Map<String, Object> entity = (Map<String, Object>) body.get("entity");
            if (value == null) {
                entity.remove(field);
            } else {
                entity.put(field, value);
            }
        };
    }

    static Consumer<Map<String, Object>> put(String field, Object value) {
        return body -> body.put(field, value);
    }

    static Consumer<Map<String, Object>> drop(String field) {
        return body -> body.remove(field);
    }

    static List<Object> times(int n, Object value) {
        return Collections.nCopies(n, value);
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Map<String, Object> sig = validSignature();
        String signatures = "/v1/signatures";
        body(rows, "SignatureRequest.required name", signatures, with(sig, drop("name")), "MissingParameter");
        body(rows, "SignatureRequest.required type", signatures, with(sig, drop("type")), "MissingParameter");
        body(rows, "SignatureRequest.required purpose", signatures, with(sig, drop("purpose")), "MissingParameter");
        body(rows, "SignatureRequest.required entity", signatures, with(sig, drop("entity")), "MissingParameter");
        body(rows, "SignatureRequest.name type", signatures, with(sig, put("name", 5)), "InvalidParameterValue");
        body(rows, "SignatureRequest.name maxLength", signatures, with(sig, put("name", LONG)), "InvalidParameterValue");
        body(rows, "SignatureRequest.name NotBlank", signatures, with(sig, put("name", "   ")),
                "InvalidParameterValue.SignNameFormat");
        body(rows, "SignatureType enum", signatures, with(sig, put("type", "BANK")), "InvalidParameterValue");
        body(rows, "SignaturePurpose enum", signatures, with(sig, put("purpose", "BOTH")), "InvalidParameterValue");
        body(rows, "SignatureType type", signatures, with(sig, put("type", 1)), "InvalidParameterValue");
        body(rows, "SignaturePurpose type", signatures, with(sig, put("purpose", true)), "InvalidParameterValue");
        body(rows, "SignatureRequest.international type", signatures, with(sig, put("international", "yes")),
                "InvalidParameterValue");
        body(rows, "SignatureRequest.remark maxLength", signatures, with(sig, put("remark", "r".repeat(501))),
                "InvalidParameterValue");
        body(rows, "SignatureRequest.remark type", signatures, with(sig, put("remark", 5)), "InvalidParameterValue");
        body(rows, "Entity type", signatures, with(sig, put("entity", "Refusal Labs Ltd.")), "InvalidParameterValue");
        body(rows, "Entity.required name", signatures, with(sig, entity("name", null)), "MissingParameter");
        body(rows, "SignatureRequest entity.name NotBlank", signatures, with(sig, entity("name", " ")), "MissingParameter");
        body(rows, "EntityField maxLength", signatures, with(sig, entity("name", "n".repeat(257))),
                "InvalidParameterValue.EntityField");
        body(rows, "EntityField type", signatures, with(sig, entity("name", 5)), "InvalidParameterValue");
        body(rows, "Entity additionalProperties", signatures, with(sig, entity("founded", "2001")),
                "InvalidParameterValue.EntityField");
        for (String field : List.of("appStoreUrl", "domain", "icpNumber", "wechatAccountName", "trademarkNumber")) {
            body(rows, "EntityField maxLength (" + field + ")", signatures, with(sig, entity(field, "f".repeat(257))),
                    "InvalidParameterValue.EntityField");
            body(rows, "EntityField type (" + field + ")", signatures, with(sig, entity(field, 5)), "InvalidParameterValue");
        }
        Map<String, List<String>> needs = Map.of("APP", List.of("appStoreUrl"), "WEBSITE", List.of("domain", "icpNumber"),
                "WECHAT_OFFICIAL_ACCOUNT", List.of("wechatAccountName"), "WECHAT_MINI_PROGRAM", List.of("wechatAccountName"),
                "TRADEMARK", List.of("trademarkNumber"));
        needs.forEach((type, fields) -> {
            Map<String, Object> complete = new LinkedHashMap<>(sig);
            complete.put("type", type);
            Map<String, Object> entity = new LinkedHashMap<>(Map.of("name", "Refusal Labs Ltd."));
            fields.forEach(field -> entity.put(field, "refusals-" + field));
            complete.put("entity", entity);
            for (String field : fields) {
                body(rows, type + " entity.required " + field, signatures, with(complete, entity(field, null)),
                        "MissingParameter");
                body(rows, type + " entity." + field + " NotBlank", signatures, with(complete, entity(field, " ")),
                        "MissingParameter");
                body(rows, type + " entity." + field + " type", signatures, with(complete, entity(field, 5)),
                        "InvalidParameterValue");
            }
        });
        body(rows, "request body type object", signatures, "[]", "MalformedBody");
        body(rows, "request body is JSON", signatures, "{\"name\":", "MalformedBody");
        rows.add(new Row("IdempotencyKey maxLength", false, "POST", signatures, Json.write(sig),
                Map.of("Idempotency-Key", "k".repeat(256)), 400, "InvalidParameterValue.IdempotencyKey"));
        rows.add(new Row("IdempotencyKey minLength", false, "POST", "/v1/callbacks/secret", null,
                Map.of("Idempotency-Key", ""), 400, "InvalidParameterValue.IdempotencyKey"));
        rows.add(new Row("IdempotencyKey pattern", false, "DELETE", "/v1/callbacks", null,
                Map.of("Idempotency-Key", "two words"), 400, "InvalidParameterValue.IdempotencyKey"));
        body(rows, "SignatureRequest (modify)", "PUT", signatures + "/" + signature, with(sig, drop("name")),
                "MissingParameter");

        Map<String, Object> upload = Map.of("kind", "BUSINESS_LICENSE", "contentType", "application/pdf");
        String uploads = signatures + "/" + signature + "/uploads";
        body(rows, "upload.required kind", uploads, with(upload, drop("kind")), "MissingParameter");
        body(rows, "upload.required contentType", uploads, with(upload, drop("contentType")), "MissingParameter");
        body(rows, "DocumentKind enum", uploads, with(upload, put("kind", "PASSPORT")), "InvalidParameterValue");
        body(rows, "upload.contentType maxLength", uploads, with(upload, put("contentType", LONG)), "InvalidParameterValue");
        body(rows, "upload.contentType type", uploads, with(upload, put("contentType", 5)), "InvalidParameterValue");
        body(rows, "DocumentKind type", uploads, with(upload, put("kind", 5)), "InvalidParameterValue");
        body(rows, "upload type object", uploads, "[]", "MalformedBody");

        Map<String, Object> tpl = validTemplate();
        String templates = "/v1/templates";
        body(rows, "TemplateApplication.required name", templates, with(tpl, drop("name")), "MissingParameter");
        body(rows, "TemplateApplication.required type", templates, with(tpl, drop("type")), "MissingParameter");
        body(rows, "TemplateApplication.required content", templates, with(tpl, drop("content")), "MissingParameter");
        body(rows, "TemplateApplication.required remark", templates, with(tpl, drop("remark")),
                "InvalidParameterValue.TemplateRemarkLength");
        body(rows, "TemplateText pattern (name blank)", templates, with(tpl, put("name", "  ")),
                "InvalidParameterValue.TemplateNameFormat");
        body(rows, "TemplateText pattern (name with 【】)", templates, with(tpl, put("name", "【Login】")),
                "InvalidParameterValue.TemplateNameFormat");
        body(rows, "TemplateText maxLength (name)", templates, with(tpl, put("name", LONG)), "InvalidParameterValue");
        body(rows, "TemplateType enum", templates, with(tpl, put("type", "SPAM")), "InvalidParameterValue");
        body(rows, "TemplateType type", templates, with(tpl, put("type", 1)), "InvalidParameterValue");
        body(rows, "TemplateText type (name)", templates, with(tpl, put("name", 5)), "InvalidParameterValue");
        body(rows, "TemplateText type (content)", templates, with(tpl, put("content", 5)), "InvalidParameterValue");
        body(rows, "TemplateApplication.remark type", templates, with(tpl, put("remark", 5)), "InvalidParameterValue");
        body(rows, "VariableKind type", templates, with(tpl, put("variables", List.of(Map.of("kind", 1)))),
                "InvalidParameterValue");
        body(rows, "TemplateApplication type object", templates, "\"template\"", "MalformedBody");
        body(rows, "TemplateApplication.international type", templates, with(tpl, put("international", "no")),
                "InvalidParameterValue");
        body(rows, "TemplateText pattern (content blank)", templates, with(tpl, put("content", " ")),
                "InvalidParameterValue.TemplateContentLength");
        body(rows, "TemplateText pattern (content with ［］)", templates, with(tpl, put("content", "［Acme］ code {1}")),
                "InvalidParameterValue.TemplateContainsBrackets");
        body(rows, "TemplateText maxLength (content)", templates, with(tpl, put("content", LONG)), "InvalidParameterValue");
        body(rows, "Variables type", templates, with(tpl, put("variables", "CODE")), "InvalidParameterValue");
        body(rows, "Variables maxItems", templates, with(tpl, put("variables", times(11, Map.of("kind", "CODE")))),
                "InvalidParameterValue");
        body(rows, "Variables.items type", templates, with(tpl, put("variables", List.of("CODE"))), "InvalidParameterValue");
        body(rows, "Variables.items.required kind", templates, with(tpl, put("variables", List.of(Map.of()))),
                "MissingParameter");
        body(rows, "VariableKind enum", templates, with(tpl, put("variables", List.of(Map.of("kind", "URL")))),
                "InvalidParameterValue");
        body(rows, "TemplateApplication.remark NotBlank", templates, with(tpl, put("remark", " ")),
                "InvalidParameterValue.TemplateRemarkLength");
        body(rows, "TemplateApplication.remark maxLength", templates, with(tpl, put("remark", LONG)),
                "InvalidParameterValue");
        body(rows, "TemplateApplication (modify)", "PUT", templates + "/" + template, with(tpl, put("type", "SPAM")),
                "InvalidParameterValue");

        Map<String, Object> callback = validCallback();
        String callbacks = "/v1/callbacks";
        body(rows, "callback.required url", "PUT", callbacks, with(callback, drop("url")), "MissingParameter");
        body(rows, "callback.required events", "PUT", callbacks, with(callback, drop("events")),
                "InvalidParameterValue.CallbackEvents");
        body(rows, "callback.url minLength", "PUT", callbacks, with(callback, put("url", "")),
                "InvalidParameterValue.CallbackUrl");
        body(rows, "callback.url pattern", "PUT", callbacks, with(callback, put("url", "ftp://hooks.refusals.invalid/")),
                "InvalidParameterValue.CallbackUrl");
        body(rows, "callback.url maxLength", "PUT", callbacks, with(callback, put("url", "https://h.invalid/" + LONG)),
                "InvalidParameterValue");
        body(rows, "callback.events minItems", "PUT", callbacks, with(callback, put("events", List.of())),
                "InvalidParameterValue.CallbackEvents");
        body(rows, "callback.events maxItems", "PUT", callbacks, with(callback, put("events", times(4, "REPLY"))),
                "InvalidParameterValue");
        body(rows, "CallbackEventType enum", "PUT", callbacks, with(callback, put("events", List.of("ANYTHING"))),
                "InvalidParameterValue.CallbackEvents");
        body(rows, "callback.events type", "PUT", callbacks, with(callback, put("events", "REPLY")),
                "InvalidParameterValue");
        body(rows, "CallbackEventType type", "PUT", callbacks, with(callback, put("events", List.of(1))),
                "InvalidParameterValue");
        body(rows, "callback.url type", "PUT", callbacks, with(callback, put("url", 443)), "InvalidParameterValue");
        body(rows, "callback type object", "PUT", callbacks, "[]", "MalformedBody");

        Map<String, Object> decision = validDecision();
        String decide = "/v1/reviews/" + signature + "/decision";
        decision(rows, "decision.required decision", decide, with(decision, drop("decision")), "MissingParameter");
        decision(rows, "decision.required version", decide, with(decision, drop("version")), "MissingParameter");
        decision(rows, "decision.decision enum", decide, with(decision, put("decision", "MAYBE")), "InvalidParameterValue");
        decision(rows, "decision.version type", decide, with(decision, put("version", 1.5)), "InvalidParameterValue");
        decision(rows, "ReasonCode enum", decide, with(decision, put("reasons", List.of("BAD"))), "InvalidParameterValue");
        decision(rows, "ReasonCode type", decide, with(decision, put("reasons", List.of(1))), "InvalidParameterValue");
        decision(rows, "decision.reasons type", decide, with(decision, put("reasons", "OTHER")), "InvalidParameterValue");
        decision(rows, "decision.decision type", decide, with(decision, put("decision", true)), "InvalidParameterValue");
        decision(rows, "decision.comment type", decide, with(decision, put("comment", 5)), "InvalidParameterValue");
        decision(rows, "decision type object", decide, "[]", "MalformedBody");
        decision(rows, "decision.reasons maxItems", decide, with(decision, put("reasons", times(101, "OTHER"))),
                "InvalidParameterValue");
        decision(rows, "decision.comment maxLength", decide, with(decision, put("comment", "c".repeat(1001))),
                "InvalidParameterValue");
        decision(rows, "decision REJECT requires reasons", decide, with(decision, put("decision", "REJECT")),
                "InvalidParameterValue.ReasonsRequired");
        decision(rows, "decision REJECT reasons minItems", decide, with(decision, b -> {
            b.put("decision", "REJECT");
            b.put("reasons", List.of());
        }), "InvalidParameterValue.ReasonsRequired");
        decision(rows, "decision OTHER requires comment", decide, with(decision, put("reasons", List.of("OTHER"))),
                "InvalidParameterValue.CommentRequired");
        decision(rows, "decision OTHER comment NotBlank", decide, with(decision, b -> {
            b.put("reasons", List.of("OTHER"));
            b.put("comment", " ");
        }), "InvalidParameterValue.CommentRequired");
        decision(rows, "decision OTHER comment type", decide, with(decision, b -> {
            b.put("reasons", List.of("OTHER"));
            b.put("comment", 5);
        }), "InvalidParameterValue");

        Map<String, Object> send = validSend();
        String sms = "/v1/sms/send";
        body(rows, "send.content not", sms, with(send, put("content", "Hello")), "InvalidParameterValue.TemplateRequired");
        body(rows, "send.content not (null)", sms, with(send, put("content", null)), "InvalidParameterValue.TemplateRequired");
        body(rows, "send.required phoneNumbers", sms, with(send, drop("phoneNumbers")), "MissingParameter");
        body(rows, "send.phoneNumbers minItems", sms, with(send, put("phoneNumbers", List.of())), "MissingParameter");
        body(rows, "send.phoneNumbers maxItems", sms, with(send, put("phoneNumbers", times(201, "+14155550123"))),
                "LimitExceeded.PhoneNumberCountLimit");
        body(rows, "send.phoneNumbers type", sms, with(send, put("phoneNumbers", "+14155550123")), "InvalidParameterValue");
        body(rows, "send.phoneNumbers.items type", sms, with(send, put("phoneNumbers", List.of(14155550123L))),
                "InvalidParameterValue");
        body(rows, "send.phoneNumbers.items maxLength", sms, with(send, put("phoneNumbers", List.of(LONG))),
                "InvalidParameterValue");
        body(rows, "send.sign maxLength", sms, with(send, put("sign", "s".repeat(101))), "InvalidParameterValue");
        body(rows, "send.sign type", sms, with(send, put("sign", 5)), "InvalidParameterValue");
        body(rows, "send.required templateId", sms, with(send, drop("templateId")), "MissingParameter");
        body(rows, "send.templateId NotBlank", sms, with(send, put("templateId", " ")), "MissingParameter");
        body(rows, "send.templateId maxLength", sms, with(send, put("templateId", "t".repeat(101))),
                "InvalidParameterValue");
        body(rows, "send.templateParams maxItems", sms, with(send, put("templateParams", times(11, "1"))),
                "InvalidParameterValue");
        body(rows, "send.templateParams.items type", sms, with(send, put("templateParams", List.of(4242))),
                "InvalidParameterValue");
        body(rows, "send.templateParams.items maxLength", sms, with(send, put("templateParams", List.of(LONG))),
                "InvalidParameterValue");
        body(rows, "send.sessionContext maxLength", sms, with(send, put("sessionContext", "c".repeat(513))),
                "InvalidParameterValue");
        body(rows, "send.sessionContext type", sms, with(send, put("sessionContext", 5)), "InvalidParameterValue");
        body(rows, "send.templateId type", sms, with(send, put("templateId", 5)), "InvalidParameterValue");
        body(rows, "send.templateParams type", sms, with(send, put("templateParams", "424242")), "InvalidParameterValue");
        body(rows, "send type object", sms, "[]", "MalformedBody");

        for (String listing : List.of("/v1/signatures", "/v1/templates", "/v1/callbacks/failures", "/v1/reviews", "/v1/sms",
                "/v1/replies", "/v1/opt-outs")) {
            for (String limit : List.of("0", "101", "ten")) {
                rows.add(new Row(listing + " limit=" + limit, listing.equals("/v1/reviews"), "GET", listing + "?limit=" + limit,
                        null, Map.of(), 400, "InvalidParameterValue"));
            }
        }
        query(rows, "SignatureStatus enum", "/v1/signatures?status=PENDING", "InvalidParameterValue");
        query(rows, "TemplateStatus enum", "/v1/templates?status=AWAITING_DOCUMENTS", "InvalidParameterValue");
        rows.add(new Row("listReviews kind enum", true, "GET", "/v1/reviews?kind=signatures", null, Map.of(), 400,
                "InvalidParameterValue"));
        query(rows, "MessageStatus enum", "/v1/sms?status=delivered", "InvalidParameterValue");
        query(rows, "listMessages from format date-time", "/v1/sms?from=yesterday", "InvalidParameterValue.TimeFormat");
        query(rows, "listMessages to format date-time", "/v1/sms?to=2026-13-01T00:00:00Z", "InvalidParameterValue.TimeFormat");
        query(rows, "listReplies from format date-time", "/v1/replies?from=yesterday", "InvalidParameterValue.TimeFormat");
        query(rows, "listReplies to format date-time", "/v1/replies?to=2026-13-01T00:00:00Z", "InvalidParameterValue.TimeFormat");
        query(rows, "statistics from format date", "/v1/statistics?from=2026-02-30", "InvalidParameterValue.TimeFormat");
        query(rows, "statistics to format date", "/v1/statistics?to=30.11.2026", "InvalidParameterValue.TimeFormat");
        return rows;
    }

    static void body(List<Row> rows, String constraint, String path, String body, String code) {
        body(rows, constraint, "POST", path, body, code);
    }

    static void body(List<Row> rows, String constraint, String method, String path, String body, String code) {
        rows.add(new Row(constraint, false, method, path, body, Map.of(), 400, code));
    }

    static void decision(List<Row> rows, String constraint, String path, String body, String code) {
        rows.add(new Row(constraint, true, "POST", path, body, Map.of(), 400, code));
    }

    static void query(List<Row> rows, String constraint, String path, String code) {
        rows.add(new Row(constraint, false, "GET", path, null, Map.of(), 400, code));
    }

    /** What a refused request must not change: the account's signatures, templates and (absent) webhook. */
    static List<String> state() throws Exception {
        return List.of(applicant.get("/v1/signatures").body(), applicant.get("/v1/templates").body(),
                String.valueOf(applicant.get("/v1/callbacks").status()));
    }

    @Test
    void everyRequestTheContractRefusesTheServerRefusesWithTheErrorEnvelope() throws Exception {
        List<String> before = state();
        List<String> disagreements = new ArrayList<>();
        List<Row> rows = rows();
        for (Row row : rows) {
            List<OpenApiRequests.Violation> contract = REQUESTS.violations(row.method(), row.path(), row.headers(),
                    row.body());
            if (contract.isEmpty()) {
                disagreements.add(row.constraint() + ": openapi.yaml accepts " + row.method() + " " + row.path() + " "
                        + row.body());
                continue;
            }
            List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
            row.headers().forEach((name, value) -> headers.addAll(List.of(name, value)));
            ApiClient.Response response = (row.reviewer() ? reviewer : applicant)
                    .raw(row.method(), row.path(), row.body(), headers.toArray(String[]::new));
            Object error = response.status() >= 400 ? response.json().get("error") : null;
            Object code = error instanceof Map<?, ?> e ? e.get("code") : null;
            if (response.status() != row.status() || !row.code().equals(code)) {
                disagreements.add(row.constraint() + ": expected " + row.status() + " " + row.code() + ", got "
                        + response.status() + " " + response.body() + " (the contract says " + contract + ")");
            }
        }
        assertThat(disagreements).as("rows where openapi.yaml and the server disagree").isEmpty();
        assertThat(rows).hasSizeGreaterThan(150);
        assertThat(state()).as("refused requests changed nothing").isEqualTo(before);
    }

    @Test
    void everyConstraintOfEveryRequestSchemaIsBrokenByARowOfTheTable() {
        Set<String> broken = new TreeSet<>();
        for (Row row : rows()) {
            REQUESTS.violations(row.method(), row.path(), row.headers(), row.body()).forEach(v -> broken.add(v.constraint()));
        }
        Set<String> constraints = REQUESTS.constraints();
        assertThat(constraints).hasSizeGreaterThan(150);
        assertThat(broken).as("constraints no row breaks").containsAll(constraints);
    }

    @Test
    void theValidRequestsOfTheTableAreValidForTheContract() {
        assertThat(REQUESTS.violations("POST", "/v1/signatures", Map.of("Idempotency-Key", "k-1"),
                Json.write(validSignature()))).isEmpty();
        assertThat(REQUESTS.violations("POST", "/v1/templates", Map.of(),
                Json.write(validTemplate()))).isEmpty();
        assertThat(REQUESTS.violations("POST", "/v1/sms/send", Map.of(),
                Json.write(validSend()))).isEmpty();
        assertThat(REQUESTS.violations("PUT", "/v1/callbacks", Map.of(),
                Json.write(validCallback()))).isEmpty();
        assertThat(REQUESTS.violations("POST", "/v1/reviews/sig-1/decision", Map.of(),
                Json.write(validDecision()))).isEmpty();
        assertThat(REQUESTS.violations("GET",
                "/v1/sms?from=2026-11-30T08:00:00Z&to=2026-11-30T16:00:00%2B08:00&limit=100&status=DELIVERED", Map.of(),
                null)).isEmpty();
        assertThat(REQUESTS.violations("GET", "/v1/statistics?from=2026-11-24&to=2026-11-30",
                Map.of(), null)).isEmpty();
    }
}
