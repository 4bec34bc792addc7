package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** openapi.yaml: complete for the routes of template.yaml, served by the local stack, and a referee that can fail. */
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
                "{\"error\":{\"code\":\"X\",\"message\":\"m\"},\"requestId\":\"r\"}")).isEmpty();
        assertThat(contract.check("GET", "/v1/signatures", null, 400, "{\"error\":{\"code\":\"X\"}}")).isNotEmpty();
        assertThat(contract.check("POST", "/v1/sms/send", "{\"phoneNumbers\":[],\"content\":\"x\"}", 200,
                "{\"sendStatuses\":[],\"requestId\":\"r\"}")).as("an accepted request off the contract").isNotEmpty();
    }

    @Test
    void theLocalStackServesTheFile() throws Exception {
        RunningStack stack = SharedStack.get();
        ApiClient.Response served = new ApiClient(stack.baseUrl, null).get("/openapi.yaml");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readString(RunningStack.PROJECT.resolve("openapi.yaml")));
    }
}
