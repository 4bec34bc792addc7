package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** openapi.yaml: complete for the routes of template.yaml, served by the local stack, and a referee that can fail. */
@ResourceLock(SharedStack.APPLICATIONS)
class OpenApiContractTest {

    @Test
    void documentsEveryRouteOfTheTemplate() throws Exception {
        StackPlan plan = new StackPlan(Template.read(RunningStack.PROJECT.resolve("template.yaml")), RunningStack.PROJECT,
                Map.of(), q -> q);
        Map<String, Object> paths = Template.map(OpenApiContract.INSTANCE.document().get("paths"));
        List<String> documented = new ArrayList<>();
        paths.forEach((path, ops) -> Template.map(ops).keySet().stream().filter(m -> !m.equals("parameters"))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        List<String> routes = new ArrayList<>();
        plan.functions.forEach(f -> f.routes().forEach(r -> routes.add(r.routeKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
        assertThat(OpenApiContract.INSTANCE.document().get("openapi")).isEqualTo("3.1.0");
    }

    @Test
    void theRefereeRejectsResponsesOffTheContract() {
        OpenApiContract contract = OpenApiContract.INSTANCE;
        assertThat(contract.check("GET", "/v1/signatures/sig-1", null, 200, "{}")).isNotEmpty();
        assertThat(contract.check("GET", "/v1/signatures/sig-1", null, 418, "{}")).containsExactly(
                "GET /v1/signatures/{signatureId} -> 418: status not documented");
        assertThat(contract.check("GET", "/v1/signatures", null, 400,
                "{\"error\":{\"code\":\"InvalidParameterValue\",\"message\":\"m\"},\"requestId\":\"r\"}")).isEmpty();
        assertThat(contract.check("GET", "/v1/signatures", null, 400,
                "{\"error\":{\"code\":\"FailedOperation.SignNumberLimit\",\"message\":\"m\"},\"requestId\":\"r\"}"))
                .as("a code this operation never returns").isNotEmpty();
        assertThat(contract.check("GET", "/v1/signatures", null, 503, "{\"message\":\"Service Unavailable\"}"))
                .as("the API's own 5xx").isEmpty();
        String page = "{\"signatures\":[],\"nextToken\":null}";
        assertThat(contract.check("GET", "/v1/signatures?status=&limit=&nextToken=", null, 200, page))
                .as("empty query values are as absent").isEmpty();
        assertThat(contract.check("GET", "/v1/signatures?limit=500", null, 200, page))
                .as("a page size beyond the contract accepted").isNotEmpty();
        assertThat(contract.check("GET", "/v1/signatures", null, 400, "{\"error\":{\"code\":\"X\"}}")).isNotEmpty();
        String sent = "{\"sendStatuses\":[],\"requestId\":\"r\"}";
        assertThat(contract.check("POST", "/v1/sms/send", "{\"phoneNumbers\":[\"13800138000\"],\"sign\":\"S\","
                + "\"templateId\":\"tpl-1\",\"templateParams\":[\"4821\"]}", 200, sent)).isEmpty();
        assertThat(contract.check("POST", "/v1/sms/send", "{\"phoneNumbers\":[\"13800138000\"],\"sign\":\"S\","
                + "\"templateId\":\"tpl-1\",\"content\":\"x\"}", 200, sent)).as("free text accepted").isNotEmpty();
        assertThat(contract.check("POST", "/v1/sms/send", "{\"phoneNumbers\":[\"13800138000\"],\"sign\":\"S\"}",
                200, sent)).as("a send without a template accepted").isNotEmpty();
    }

    @Test
    void reviewEntriesAndDecisionsAreOfOneKindEach() {
        OpenApiContract contract = OpenApiContract.INSTANCE;
        String template = "{\"templateId\":\"tpl-1\",\"name\":\"Login\",\"type\":\"VERIFICATION_CODE\","
                + "\"international\":false,\"content\":\"Your code is {1}\",\"variables\":[{\"kind\":\"CODE\"}],"
                + "\"remark\":\"Sign-in\",\"status\":\"IN_REVIEW\",\"reviewStage\":\"MANUAL\",\"findings\":[],"
                + "\"history\":[{\"at\":\"2026-01-01T00:00:00Z\",\"from\":null,\"to\":\"IN_REVIEW\","
                + "\"actor\":\"applicant\",\"reasons\":[]}],\"createdAt\":\"2026-01-01T00:00:00Z\","
                + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"version\":2}";
        assertThat(contract.check("GET", "/v1/templates/tpl-1", null, 200, template)).isEmpty();
        assertThat(contract.check("GET", "/v1/templates/tpl-1", null, 200, template.replace("\"status\":\"IN_REVIEW\"", "\"status\":\"PENDING\"")))
                .as("a status of no template").isNotEmpty();
        assertThat(contract.check("GET", "/v1/reviews?kind=template", null, 200,
                "{\"reviews\":[{\"accountId\":\"a\",\"template\":" + template + "}],\"nextToken\":null}")).isEmpty();
        assertThat(contract.check("GET", "/v1/reviews", null, 200, "{\"reviews\":[{\"accountId\":\"a\",\"template\":"
                + template + ",\"documentUrls\":{}}],\"nextToken\":null}")).as("a template with documents").isNotEmpty();
        assertThat(contract.check("POST", "/v1/reviews/tpl-1/decision", null, 202,
                "{\"templateId\":\"tpl-1\",\"status\":\"ENQUEUED\"}")).isEmpty();
        assertThat(contract.check("POST", "/v1/reviews/tpl-1/decision", null, 202,
                "{\"templateId\":\"tpl-1\",\"signatureId\":\"tpl-1\",\"status\":\"ENQUEUED\"}")).isNotEmpty();
    }

    @Test
    void theLocalStackServesTheFile() throws Exception {
        RunningStack stack = SharedStack.of(OpenApiContractTest.class);
        ApiClient.Response served = new ApiClient(stack.baseUrl, null).get("/openapi.yaml");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readString(RunningStack.PROJECT.resolve("openapi.yaml")));
    }
}
