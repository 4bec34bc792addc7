package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/** The local HTTP API answers like API Gateway's JWT authorizer and router, before any function runs. */
@ResourceLock(SharedStack.APPLICATIONS)
class GatewayAuthorizerEndToEndTest {

    static RunningStack stack;
    static LocalIssuer issuer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(GatewayAuthorizerEndToEndTest.class);
        StackPlan plan = new StackPlan(Template.read(RunningStack.PROJECT.resolve("template.yaml")),
                RunningStack.PROJECT, Map.of(), q -> q);
        issuer = LocalIssuer.open(stack.dataDir, plan.jwtConfig());
    }

    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", StackPlan.LOCAL_PARAMETERS.get("JwtIssuer"));
        claims.put("aud", StackPlan.LOCAL_PARAMETERS.get("JwtAudience"));
        claims.put("sub", "user-gw");
        claims.put("account_id", "gw");
        claims.put("account_type", "ENTERPRISE");
        claims.put("scope", "sms/send");
        claims.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
        return claims;
    }

    static int status(String token) throws Exception {
        return new ApiClient(stack.baseUrl, token).get("/v1/signatures").status();
    }

    @Test
    void aValidTokenIsAccepted() throws Exception {
        assertThat(status(issuer.sign(claims()))).isEqualTo(200);
    }

    @Test
    void missingMalformedExpiredWrongAudienceWrongIssuerOrForgedTokensAre401() throws Exception {
        assertThat(status(null)).as("missing").isEqualTo(401);
        assertThat(status("not-a-jwt")).as("malformed").isEqualTo(401);
        Map<String, Object> expired = claims();
        expired.put("exp", Instant.now().minusSeconds(1).getEpochSecond());
        assertThat(status(issuer.sign(expired))).as("expired").isEqualTo(401);
        Map<String, Object> audience = claims();
        audience.put("aud", "someone-else");
        assertThat(status(issuer.sign(audience))).as("wrong audience").isEqualTo(401);
        Map<String, Object> foreignIssuer = claims();
        foreignIssuer.put("iss", "https://evil.example/");
        assertThat(status(issuer.sign(foreignIssuer))).as("wrong issuer").isEqualTo(401);
        String valid = issuer.sign(claims());
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.write(Map.of("iss", StackPlan.LOCAL_PARAMETERS.get("JwtIssuer"), "aud", StackPlan.LOCAL_PARAMETERS.get("JwtAudience"),
                        "account_id", "victim", "account_type", "ENTERPRISE",
                        "exp", Instant.now().plusSeconds(600).getEpochSecond())).getBytes()) + "." + parts[2];
        assertThat(status(tampered)).as("forged payload").isEqualTo(401);
    }

    @Test
    void aTokenIssuedOrValidOnlyInTheFutureIs401WithNoClockSkewAllowed() throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> issuedLater = claims();
        issuedLater.put("iat", now + 30);
        ApiClient.Response early = new ApiClient(stack.baseUrl, issuer.sign(issuedLater)).get("/v1/signatures");
        assertThat(early.status()).as("iat in the future").isEqualTo(401);
        assertThat(early.json()).isEqualTo(Map.of("message", "Unauthorized"));
        Map<String, Object> notYet = claims();
        notYet.put("nbf", now + 30);
        assertThat(status(issuer.sign(notYet))).as("nbf in the future").isEqualTo(401);
        Map<String, Object> oddIat = claims();
        oddIat.put("iat", "yesterday");
        assertThat(status(issuer.sign(oddIat))).as("iat not a NumericDate").isEqualTo(401);
        Map<String, Object> issuedNow = claims();
        issuedNow.put("iat", now);
        issuedNow.put("nbf", now);
        assertThat(status(issuer.sign(issuedNow))).as("iat and nbf now").isEqualTo(200);
    }

    @Test
    void aTokenWithoutIdentityClaimsIs403() throws Exception {
        Map<String, Object> noAccount = claims();
        noAccount.remove("account_id");
        ApiClient.Response response = new ApiClient(stack.baseUrl, issuer.sign(noAccount)).get("/v1/signatures");
        assertThat(response.status()).isEqualTo(403);
        assertThat(ApiClient.map(response.json().get("error")).get("code")).isEqualTo("AuthFailure.MissingClaim");
    }

    @Test
    void theGatewayRefusesATokenWithoutTheRoutesScopeWith403ForbiddenAsApiGatewayDoes() throws Exception {
        ApiClient sender = new ApiClient(stack.baseUrl, issuer.sign(claims()));
        for (ApiClient.Response reviews : List.of(sender.get("/v1/reviews"),
                sender.post("/v1/reviews/sig-x/decision", Map.of("decision", "APPROVE")))) {
            assertThat(reviews.status()).as("no sms/reviewer").isEqualTo(403);
            assertThat(reviews.body()).as("the gateway's answer, not the handler's").isEqualTo("{\"message\":\"Forbidden\"}");
        }
        Map<String, Object> reviewer = claims();
        reviewer.put("scope", "sms/send sms/reviewer");
        assertThat(new ApiClient(stack.baseUrl, issuer.sign(reviewer)).get("/v1/reviews").status()).isEqualTo(200);

        Map<String, Object> reviewerOnly = claims();
        reviewerOnly.put("scope", "sms/reviewer");
        ApiClient noSend = new ApiClient(stack.baseUrl, issuer.sign(reviewerOnly));
        assertThat(noSend.get("/v1/signatures").status()).as("no sms/send").isEqualTo(403);
        assertThat(noSend.get("/v1/sms/sms-x").body()).isEqualTo("{\"message\":\"Forbidden\"}");
        Map<String, Object> noScope = claims();
        noScope.remove("scope");
        assertThat(status(issuer.sign(noScope))).as("no scope claim").isEqualTo(403);
    }

    @Test
    void unknownRoutesAndMethodsAre404() throws Exception {
        ApiClient client = new ApiClient(stack.baseUrl, issuer.sign(claims()));
        assertThat(client.get("/v1/nothing-here").status()).isEqualTo(404);
        assertThat(client.delete("/v1/signatures").status()).isEqualTo(404);
    }

    @Test
    void theGatewayLogsEachRequestInTheDataDirWithItsStatusAndWhyATokenWasRefusedAndNoQueryString() throws Exception {
        Map<String, Object> expired = claims();
        expired.put("exp", Instant.now().minusSeconds(1).getEpochSecond());
        Map<String, Object> audience = claims();
        audience.put("aud", "someone-else");
        String[] valid = issuer.sign(claims()).split("\\.");
        String foreignSignature = valid[0] + "." + valid[1] + "." + issuer.sign(audience).split("\\.")[2];
        Map<String, String> reasons = new LinkedHashMap<>(); // request id: what the log must say
        reasons.put(new ApiClient(stack.baseUrl, null).get("/v1/sms?nextToken=page-secret").gatewayRequestId(),
                "no Authorization header");
        reasons.put(new ApiClient(stack.baseUrl, issuer.sign(expired)).get("/v1/sms").gatewayRequestId(), "expired at ");
        reasons.put(new ApiClient(stack.baseUrl, issuer.sign(audience)).get("/v1/sms").gatewayRequestId(),
                "wrong audience someone-else");
        reasons.put(new ApiClient(stack.baseUrl, foreignSignature).get("/v1/sms").gatewayRequestId(), "bad signature");
        Map<String, Object> reviewerOnly = claims();
        reviewerOnly.put("scope", "sms/reviewer");
        ApiClient.Response noScope = new ApiClient(stack.baseUrl, issuer.sign(reviewerOnly)).get("/v1/signatures");
        ApiClient.Response accepted = new ApiClient(stack.baseUrl, issuer.sign(claims())).get("/v1/signatures?limit=1");
        assertThat(accepted.status()).isEqualTo(200);

        List<String> ids = new ArrayList<>(reasons.keySet());
        ids.addAll(List.of(noScope.gatewayRequestId(), accepted.gatewayRequestId()));
        Map<String, Map<String, Object>> logged = gatewayLog(ids);
        assertThat(logged.get(noScope.gatewayRequestId())).containsEntry("status", 403)
                .containsEntry("authorizerError", "none of the route's scopes [sms/send]");
        reasons.forEach((requestId, reason) -> assertThat(logged.get(requestId)).as(reason)
                .containsEntry("method", "GET").containsEntry("path", "/v1/sms").containsEntry("status", 401)
                .hasEntrySatisfying("authorizerError", why -> assertThat((String) why).contains(reason))
                .hasEntrySatisfying("latency", ms -> assertThat(((Number) ms).longValue()).isNotNegative()));
        assertThat(logged.get(accepted.gatewayRequestId())).containsEntry("path", "/v1/signatures")
                .containsEntry("status", 200).doesNotContainKey("authorizerError");
        assertThat(Files.readString(stack.dataDir.resolve("logs").resolve(HttpGateway.ACCESS_LOG)))
                .doesNotContain("page-secret").doesNotContain("limit=1");
    }

    /**
     * The access log's lines by request id, once each of {@code ids} has its line (written after the answer, by
     * whichever of the gateway's threads served it, so not necessarily in the order of the answers).
     */
    private static Map<String, Map<String, Object>> gatewayLog(List<String> ids) throws Exception {
        Path log = stack.dataDir.resolve("logs").resolve(HttpGateway.ACCESS_LOG);
        Map<String, Map<String, Object>> lines = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 100 && !lines.keySet().containsAll(ids); attempt++) {
            Thread.sleep(100);
            for (String line : Files.readAllLines(log)) {
                Map<String, Object> entry = Json.parseObject(line);
                lines.put((String) entry.get("requestId"), entry);
            }
        }
        assertThat(lines).containsKeys(ids.toArray(String[]::new));
        return lines;
    }

    @Test
    void theTokenCommandMintsATokenTheStackAccepts() throws Exception {
        assertThat(status(Tokens.mint(stack.dataDir, "gw-cli", "INDIVIDUAL", false))).isEqualTo(200);
    }
}
