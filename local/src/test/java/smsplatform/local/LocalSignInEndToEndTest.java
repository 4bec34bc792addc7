package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/**
 * The console's sign-in on the running stack (DESIGN §13): discovery, the development sign-in page, the code and
 * PKCE exchange at the token endpoint, and a token the API then accepts with the account and scope chosen.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class LocalSignInEndToEndTest {

    static RunningStack stack;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(LocalSignInEndToEndTest.class);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postForm(String url, Map<String, String> fields) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LocalSignInTest.form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReviewerSignsInOnTheDevelopmentPageAndTheTokenItGetsIsAcceptedByTheApi() throws Exception {
        Map<String, Object> discovery = Json.parseObject(get(stack.baseUrl + "/local/oidc/.well-known/openid-configuration").body());
        assertThat(discovery).containsEntry("issuer", StackPlan.LOCAL_PARAMETERS.get("JwtIssuer"));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String redirect = stack.baseUrl + "/console/";
        Map<String, String> request = new LinkedHashMap<>(Map.of("response_type", "code",
                "client_id", StackPlan.LOCAL_PARAMETERS.get("JwtAudience"), "redirect_uri", redirect, "state", "xyz",
                "code_challenge", LocalSignIn.s256(verifier), "code_challenge_method", "S256"));

        HttpResponse<String> page = get(discovery.get("authorization_endpoint") + "?" + LocalSignInTest.form(request));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "name=\"account\"");

        request.putAll(Map.of("account", "signed-in", "type", "PUBLIC_INSTITUTION", "reviewer", "true"));
        HttpResponse<String> signedIn = postForm((String) discovery.get("authorization_endpoint"), request);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?code=").endsWith("&state=xyz");

        HttpResponse<String> token = postForm((String) discovery.get("token_endpoint"), Map.of(
                "grant_type", "authorization_code", "code", LocalSignIn.params(location.substring(location.indexOf('?') + 1)).get("code"),
                "client_id", StackPlan.LOCAL_PARAMETERS.get("JwtAudience"), "redirect_uri", redirect, "code_verifier", verifier));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        ApiClient reviewer = new ApiClient(stack.baseUrl, (String) Json.parseObject(token.body()).get("access_token"));
        assertThat(reviewer.get("/v1/reviews").status()).isEqualTo(200);
        assertThat(reviewer.get("/v1/signatures").status()).isEqualTo(200);
    }

    @Test
    void theSignInPageRefusesToSendACodeToAnotherSite() throws Exception {
        HttpResponse<String> page = get(stack.baseUrl + "/local/oidc/authorize?response_type=code&client_id="
                + URLEncoder.encode(StackPlan.LOCAL_PARAMETERS.get("JwtAudience"), StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode("https://attacker.example/", StandardCharsets.UTF_8)
                + "&code_challenge=" + LocalSignIn.s256("v".repeat(43)) + "&code_challenge_method=S256");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
    }
}
