package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/**
 * {@code ./sms-local start} serves the console at /console/ with where its issuer and API are, and the certificates
 * bucket and the API admit the console's origin (and no other) for the requests the console makes.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class ConsoleServedEndToEndTest {

    static RunningStack stack;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(ConsoleServedEndToEndTest.class);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleIsServedAtSlashConsoleWithItsConfigurationAndNothingBesideIt() throws Exception {
        HttpResponse<String> index = send(HttpRequest.newBuilder(URI.create(stack.baseUrl + "/console/")));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(send(HttpRequest.newBuilder(URI.create(stack.baseUrl + "/console"))).headers().firstValue("Location"))
                .hasValue("/console/");
        Map<String, Object> config = Json.parseObject(send(HttpRequest.newBuilder(URI.create(stack.baseUrl + "/console/config.json"))).body());
        assertThat(config).containsEntry("clientId", StackPlan.LOCAL_PARAMETERS.get("JwtAudience"))
                .containsEntry("api", stack.baseUrl)
                .containsEntry("discovery", stack.baseUrl + "/local/oidc/.well-known/openid-configuration");
        for (String path : new String[] {"/console/../console-tests/axe.min.js", "/console/%2e%2e/console-tests/axe.min.js",
                "/console/%2e%2e%2f%2e%2e%2fpom.xml"}) {
            assertThat(send(HttpRequest.newBuilder(URI.create(stack.baseUrl + path))).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(stack.baseUrl + "/console/app.mjs"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(405);
    }

    @Test
    void theBucketAdmitsTheConsolesOriginForPostAndGetAndNoOtherOrigin() throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "cors", "ENTERPRISE", false));
        ApiClient.Response submitted = applicant.post("/v1/signatures", Map.of("name", "Cors Check", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Cors Check Ltd.")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        // The bucket's URL, where the console posts its uploads (path-style on the emulator).
        String bucket = (String) ApiClient.list(submitted.json().get("uploads")).get(0).get("url");
        HttpResponse<String> console = send(HttpRequest.newBuilder(URI.create(bucket))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", stack.baseUrl).header("Access-Control-Request-Method", "POST"));
        assertThat(console.headers().firstValue("Access-Control-Allow-Origin")).hasValue(stack.baseUrl);
        assertThat(console.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST");
        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(bucket))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:1").header("Access-Control-Request-Method", "POST"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> delete = send(HttpRequest.newBuilder(URI.create(bucket))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", stack.baseUrl).header("Access-Control-Request-Method", "DELETE"));
        assertThat(delete.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    static HttpResponse<String> preflight(String path, String origin, String method, String headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.baseUrl + path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers));
    }

    @Test
    void theApiAnswersTheConsolesPreflightAndRefusesAnotherOriginAndMethodsOrHeadersTheConsoleDoesNotSend() throws Exception {
        HttpResponse<String> console = preflight("/v1/signatures/sig-1", stack.baseUrl, "PUT", "authorization,content-type");
        assertThat(console.statusCode()).isEqualTo(204);
        assertThat(console.headers().firstValue("Access-Control-Allow-Origin")).hasValue(stack.baseUrl);
        assertThat(console.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST,PUT,DELETE");
        assertThat(console.headers().firstValue("Access-Control-Allow-Headers")).hasValue("authorization,content-type");
        assertThat(console.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(console.headers().allValues("Vary")).containsExactly("Origin");
        for (HttpResponse<String> refused : List.of(
                preflight("/v1/signatures", "http://127.0.0.1:1", "GET", "authorization"),
                preflight("/v1/signatures/sig-1", stack.baseUrl, "PATCH", "authorization"),
                preflight("/v1/signatures", stack.baseUrl, "GET", "authorization,x-amz-security-token"))) {
            assertThat(refused.headers().map()).as(refused.request().headers().map().toString())
                    .doesNotContainKeys("access-control-allow-origin", "access-control-allow-methods");
            assertThat(refused.headers().allValues("Vary")).as("a refusal is per origin too").containsExactly("Origin");
        }

        String token = Tokens.mint(stack.dataDir, "cors-api", "ENTERPRISE", false);
        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(stack.baseUrl + "/v1/signatures"))
                .header("Authorization", "Bearer " + token).header("Origin", stack.baseUrl));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).hasValue(stack.baseUrl);
        assertThat(list.headers().allValues("Vary")).containsExactly("Origin");
        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(URI.create(stack.baseUrl + "/v1/signatures"))
                .header("Authorization", "Bearer " + token).header("Origin", "https://evil.example"));
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(elsewhere.headers().allValues("Vary")).containsExactly("Origin");
    }
}
