package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.json.Json;

/** The local issuer's authorization code flow with PKCE, as the console uses it (DESIGN §13). */
class LocalSignInTest {

    static final StackPlan.JwtConfig JWT = new StackPlan.JwtConfig("https://sms-local.example/", List.of("sms-console"));
    static final String BASE = "http://127.0.0.1:3000";
    static final String REDIRECT = BASE + "/console/";
    // RFC 7636, Appendix B: the example verifier and its S256 challenge.
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /** One key pair for the class: a 2048-bit RSA key takes seconds to make in the tests' C1-only JVM. */
    @TempDir
    static Path dataDir;
    static LocalIssuer issuer;
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    LocalSignIn signIn;

    @BeforeAll
    static void keys() throws Exception {
        issuer = LocalIssuer.open(dataDir, JWT);
    }

    @BeforeEach
    void open() {
        signIn = new LocalSignIn(issuer, JWT, () -> now);
    }

    static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return form.toString();
    }

    Map<String, String> authorization() {
        return Map.of("response_type", "code", "client_id", "sms-console", "redirect_uri", REDIRECT,
                "state", "s-1", "code_challenge", CHALLENGE, "code_challenge_method", "S256");
    }

    /** Signs in as {@code account} and returns the code the redirect carries. */
    String code(String account, boolean reviewer) {
        Map<String, String> fields = new LinkedHashMap<>(authorization());
        fields.put("account", account);
        fields.put("type", "ENTERPRISE");
        if (reviewer) {
            fields.put("reviewer", "true");
        }
        LocalSignIn.Answer answer = signIn.handle("POST", "/local/oidc/authorize", null, form(fields), BASE);
        assertThat(answer.status()).isEqualTo(302);
        String location = answer.headers().get("Location");
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=s-1");
        return LocalSignIn.params(location.substring(location.indexOf('?') + 1)).get("code");
    }

    LocalSignIn.Answer token(String code, String verifier) {
        return signIn.handle("POST", "/local/oidc/token", null, form(Map.of("grant_type", "authorization_code",
                "code", code, "client_id", "sms-console", "redirect_uri", REDIRECT, "code_verifier", verifier)), BASE);
    }

    @Test
    void theS256ChallengeOfRfc7636sExampleVerifierIsTheOneTheRfcGives() {
        assertThat(LocalSignIn.s256(VERIFIER)).isEqualTo(CHALLENGE);
    }

    @Test
    void theAuthorizePageIsASignInFormCarryingTheRequestOn() {
        LocalSignIn.Answer page = signIn.handle("GET", "/local/oidc/authorize", form(authorization()), null, BASE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en\">", "name=\"account\"", "name=\"type\"", "name=\"reviewer\"",
                "name=\"code_challenge\" value=\"" + CHALLENGE + "\"", "<label for=\"account\">");
    }

    @Test
    void theAuthorizePageSpeaksTheFirstLanguageOfUiLocalesItKnowsAndCarriesItOnToItsRefusals() {
        Map<String, String> chinese = new LinkedHashMap<>(authorization());
        chinese.put("ui_locales", "fr-CA zh-Hans-CN en");
        LocalSignIn.Answer page = signIn.handle("GET", "/local/oidc/authorize", form(chinese), null, BASE);
        assertThat(page.body()).contains("<html lang=\"zh-CN\">", "<label for=\"account\">账号</label>",
                "<option value=\"INDIVIDUAL\">个人（INDIVIDUAL）</option>", "<button type=\"submit\">登录</button>",
                "name=\"ui_locales\" value=\"fr-CA zh-Hans-CN en\"");
        chinese.put("account", "acme.co"); // the API's account ids have no dots
        chinese.put("type", "ENTERPRISE");
        LocalSignIn.Answer refused = signIn.handle("POST", "/local/oidc/authorize", null, form(chinese), BASE);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<html lang=\"zh-CN\">", "需要 1 到 64 个字母");

        Map<String, String> unknown = new LinkedHashMap<>(authorization());
        unknown.put("ui_locales", "fr de");
        assertThat(signIn.handle("GET", "/local/oidc/authorize", form(unknown), null, BASE).body())
                .contains("<html lang=\"en\">", "<label for=\"account\">Account</label>");
    }

    @Test
    void aCodeAndItsVerifierGiveATokenTheApiAcceptsWithTheChosenAccountAndScope() {
        LocalSignIn.Answer answer = token(code("acme", true), VERIFIER);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry("Cache-Control", "no-store");
        Map<String, Object> body = Json.parseObject(answer.body());
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("scope", "sms/send sms/reviewer")
                .containsKey("id_token");
        LocalIssuer.Verdict verdict = issuer.verify("Bearer " + body.get("access_token"));
        assertThat(verdict.claims()).hasValueSatisfying(claims -> assertThat(claims)
                .containsEntry("account_id", "acme").containsEntry("account_type", "ENTERPRISE")
                .containsEntry("scope", "sms/send sms/reviewer"));
    }

    @Test
    void aCodeIsGoodOnceAndAWrongVerifierBurnsIt() {
        String code = code("acme", false);
        assertThat(token(code, VERIFIER).status()).isEqualTo(200);
        assertThat(Json.parseObject(token(code, VERIFIER).body())).containsEntry("error", "invalid_grant");

        String other = code("acme", false);
        LocalSignIn.Answer wrong = token(other, "x".repeat(43));
        assertThat(Json.parseObject(wrong.body())).containsEntry("error", "invalid_grant");
        assertThat(token(other, VERIFIER).status()).as("burned by the failed attempt").isEqualTo(400);
    }

    @Test
    void aCodeExpiresAfterAMinute() {
        String code = code("acme", false);
        now = now.plus(LocalSignIn.CODE_LIFETIME).plus(Duration.ofSeconds(1));
        assertThat(Json.parseObject(token(code, VERIFIER).body())).containsEntry("error", "invalid_grant");
    }

    @Test
    void theTokenRequestMustNameTheSameClientAndRedirect() {
        String code = code("acme", false);
        LocalSignIn.Answer answer = signIn.handle("POST", "/local/oidc/token", null, form(Map.of("grant_type",
                "authorization_code", "code", code, "client_id", "sms-console", "redirect_uri", BASE + "/elsewhere",
                "code_verifier", VERIFIER)), BASE);
        assertThat(Json.parseObject(answer.body())).containsEntry("error", "invalid_grant");
    }

    @Test
    void aForeignRedirectOrClientIsRefusedOnThePageAndNeverRedirectedTo() {
        for (Map<String, String> change : List.of(Map.of("redirect_uri", "https://attacker.example/cb"),
                Map.of("redirect_uri", "http://127.0.0.1.attacker.example/"), Map.of("client_id", "someone-else"))) {
            Map<String, String> request = new LinkedHashMap<>(authorization());
            request.putAll(change);
            LocalSignIn.Answer answer = signIn.handle("GET", "/local/oidc/authorize", form(request), null, BASE);
            assertThat(answer.status()).as(change.toString()).isEqualTo(400);
            assertThat(answer.headers()).doesNotContainKey("Location");
        }
    }

    @Test
    void aRequestWithoutS256PkceIsSentBackWithInvalidRequestAndItsState() {
        Map<String, String> request = new LinkedHashMap<>(authorization());
        request.put("code_challenge_method", "plain");
        LocalSignIn.Answer answer = signIn.handle("GET", "/local/oidc/authorize", form(request), null, BASE);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.headers().get("Location")).startsWith(REDIRECT + "?error=invalid_request&").endsWith("&state=s-1");
    }

    @Test
    void aTokenWhoseSignatureWasVerifiedBeforeIsStillRefusedOnceItHasExpired() throws Exception {
        String token = issuer.mint("acme", "ENTERPRISE", false, Duration.ofSeconds(1));
        assertThat(issuer.verify("Bearer " + token).refusal()).isNull();
        Thread.sleep(2_100); // exp is in whole seconds
        assertThat(issuer.verify("Bearer " + token).refusal()).startsWith("expired at");
    }

    @Test
    void aRememberedTokensClaimsCarryingAnotherTokensSignatureAreRefused() {
        String[] acme = issuer.mint("acme", "ENTERPRISE", true, Duration.ofMinutes(5)).split("\\.");
        String[] other = issuer.mint("other", "ENTERPRISE", false, Duration.ofMinutes(5)).split("\\.");
        assertThat(issuer.verify(String.join(".", acme)).refusal()).isNull();
        assertThat(issuer.verify(String.join(".", other)).refusal()).isNull();

        assertThat(issuer.verify(acme[0] + "." + acme[1] + "." + other[2]).refusal()).startsWith("bad signature");
    }

    @Test
    void theJwksKeyVerifiesTheTokensTheIssuerSigns() throws Exception {
        Map<String, Object> jwks = Json.parseObject(signIn.handle("GET", "/local/oidc/jwks.json", null, null, BASE).body());
        Map<String, Object> key = ApiClient.list(jwks.get("keys")).get(0);
        assertThat(key).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("kid", "sms-local");
        Base64.Decoder b64 = Base64.getUrlDecoder();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, b64.decode((String) key.get("n"))), new BigInteger(1, b64.decode((String) key.get("e")))));
        String[] jwt = issuer.mint("acme", "ENTERPRISE", false, Duration.ofMinutes(5)).split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(b64.decode(jwt[2]))).isTrue();
    }

    @Test
    void discoveryNamesTheEndpointsOfThisStackAndS256() {
        Map<String, Object> discovery = Json.parseObject(signIn.handle("GET", "/local/oidc/.well-known/openid-configuration",
                null, null, BASE).body());
        assertThat(discovery).containsEntry("issuer", "https://sms-local.example/")
                .containsEntry("authorization_endpoint", BASE + "/local/oidc/authorize")
                .containsEntry("token_endpoint", BASE + "/local/oidc/token")
                .containsEntry("jwks_uri", BASE + "/local/oidc/jwks.json")
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("ui_locales_supported", List.of("en", "zh-CN"));
    }
}
