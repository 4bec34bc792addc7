package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.map;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * IAM is enforced on the running stack: with one statement removed from a copy of template.yaml, a
 * journey that needs it fails and the function's log says AccessDenied (on template.yaml it succeeds:
 * {@link IamAllowedEndToEndTest}). Each test starts a stack of its own, beside the shared stack's classes.
 */
class IamEnforcementEndToEndTest {

    /** template.yaml without the Application API's s3:ListBucket statement; CodeUri made absolute. */
    static Path templateWithoutApplicationApiListBucket(Path dir) throws Exception {
        Map<String, Object> template;
        try (Reader reader = Files.newBufferedReader(TemplateTest.TEMPLATE)) {
            template = Template.parse(reader);
        }
        Map<String, Object> resources = Template.map(template.get("Resources"));
        boolean removed = false;
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> properties = Template.map(Template.map(resource.getValue()).get("Properties"));
            if (properties.containsKey("CodeUri")) {
                properties.put("CodeUri", RunningStack.PROJECT.resolve(String.valueOf(properties.get("CodeUri"))).toString());
            }
            if (resource.getKey().equals("SignaturesApiFunction")) {
                for (Object policy : Template.list(properties.get("Policies"))) {
                    if (Template.map(policy).get("Statement") instanceof List<?> statements) {
                        removed |= statements.removeIf(s -> "s3:ListBucket".equals(Template.map(s).get("Action")));
                    }
                }
            }
        }
        assertThat(removed).as("the statement to remove is in template.yaml").isTrue();
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path copy = dir.resolve("template-without-list-bucket.yaml");
        Files.writeString(copy, new Yaml(options).dump(template));
        return copy;
    }

    /** The DELETE is sent outside ApiClient: the 500 a missing grant causes is, rightly, not in openapi.yaml. */
    static HttpResponse<String> submitThenDelete(RunningStack stack, String account) throws Exception {
        String token = Tokens.mint(stack.dataDir, account, "ENTERPRISE", false);
        ApiClient applicant = new ApiClient(stack.baseUrl, token);
        ApiClient.Response submitted = applicant.post("/v1/signatures", Map.of("name", "Least Privilege", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Least Privilege Ltd.")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = (String) map(submitted.json().get("signature")).get("signatureId");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.baseUrl + "/v1/signatures/" + id))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutItsListBucketStatementTheApplicationApiCannotDeleteASignatureAndLogsAccessDenied(@TempDir Path dir)
            throws Exception {
        Path template = templateWithoutApplicationApiListBucket(dir);
        try (RunningStack stack = RunningStack.start(dir.resolve("data"), "--template", template.toString())) {
            HttpResponse<String> deleted = submitThenDelete(stack, "iam-denied");
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(500);
            String log = Files.readString(stack.dataDir.resolve("logs/SignaturesApiFunction.log"));
            assertThat(log).contains("AccessDenied").contains("s3:ListBucket on resource: "
                    + "\\\"arn:aws:s3:::sms-certificates-00000000-0000-4000-8000-000000000000\\\"");
            assertThat(Files.readString(stack.dataDir.resolve("logs/iam.log")))
                    .contains("IMPLICIT_DENY SignaturesApiFunction s3:ListBucket");
            assertThat(stack.dataDir.resolve("logs/InboundSmsFunction.log"))
                    .as("with --prewarm off (RunningStack's default), a function nothing invoked never started").doesNotExist();
        }
    }

    @Test
    void theOptOutForDebuggingLetsTheSameJourneySucceedWithoutTheStatement(@TempDir Path dir) throws Exception {
        Path template = templateWithoutApplicationApiListBucket(dir);
        try (RunningStack stack = RunningStack.start(dir.resolve("data"), "--template", template.toString(), "--iam", "off")) {
            assertThat(submitThenDelete(stack, "iam-off").statusCode()).isEqualTo(204);
            assertThat(stack.dataDir.resolve("logs/iam.log")).doesNotExist();
        }
    }
}
