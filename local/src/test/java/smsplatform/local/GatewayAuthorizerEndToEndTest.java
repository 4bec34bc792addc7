package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local HTTP API answers like API Gateway's JWT authorizer and router, before any function runs. */
class GatewayAuthorizerEndToEndTest {

    static RunningStack stack;
    static LocalIssuer issuer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        StackPlan plan = new StackPlan(Template.read(RunningStack.PROJECT.resolve("template.yaml")),
                RunningStack.PROJECT, Map.of(), q -> q);
        issuer = LocalIssuer.open(stack.dataDir, plan.jwtConfig());
    }

    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://auth.sms-platform.example/");
        claims.put("aud", "sms-platform");
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
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                smsplatform.json.Json.write(Map.of("iss", "https://auth.sms-platform.example/", "aud", "sms-platform",
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
    void aTokenWithoutIdentityClaimsIs403AndWithoutReviewerScopeReviewsAre403() throws Exception {
        Map<String, Object> noAccount = claims();
        noAccount.remove("account_id");
        ApiClient.Response response = new ApiClient(stack.baseUrl, issuer.sign(noAccount)).get("/v1/signatures");
        assertThat(response.status()).isEqualTo(403);
        assertThat(ApiClient.map(response.json().get("error")).get("code")).isEqualTo("AuthFailure.MissingClaim");

        ApiClient.Response reviews = new ApiClient(stack.baseUrl, issuer.sign(claims())).get("/v1/reviews");
        assertThat(reviews.status()).isEqualTo(403);
        assertThat(ApiClient.map(reviews.json().get("error")).get("code")).isEqualTo("AuthFailure.MissingScope");
    }

    @Test
    void unknownRoutesAndMethodsAre404() throws Exception {
        ApiClient client = new ApiClient(stack.baseUrl, issuer.sign(claims()));
        assertThat(client.get("/v1/nothing-here").status()).isEqualTo(404);
        assertThat(client.delete("/v1/signatures").status()).isEqualTo(404);
    }

    @Test
    void theTokenCommandMintsATokenTheStackAccepts() throws Exception {
        assertThat(status(Tokens.mint(stack.dataDir, "gw-cli", "INDIVIDUAL", false))).isEqualTo(200);
    }
}
