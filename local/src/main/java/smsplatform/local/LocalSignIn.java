package smsplatform.local;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import smsplatform.domain.AccountId;
import smsplatform.json.Json;

/**
 * The local issuer's OpenID Connect side, for the console (DESIGN §13): the authorization code flow with PKCE
 * (S256 only) and a development sign-in page where the developer chooses the account, its type and the reviewer
 * scope. Discovery, JWKS, authorize and token live under {@code /local/oidc/}, on this machine only. The tokens are
 * the ones {@code ./sms-local token} mints, so the API verifies them as it verifies any other.
 *
 * <p>PKCE: https://www.rfc-editor.org/rfc/rfc7636 (a verifier is 43-128 unreserved characters; S256's challenge is
 * BASE64URL(SHA256(ASCII(verifier)))). Token errors: https://www.rfc-editor.org/rfc/rfc6749#section-5.2.
 * Discovery fields: https://openid.net/specs/openid-connect-discovery-1_0.html.
 *
 * <p>The page speaks the console's language: OpenID Connect Core's {@code ui_locales} authorization parameter is "the
 * End-User's preferred languages and scripts for the user interface, represented as a space-separated list of BCP47
 * language tag values, ordered by preference", and "an error SHOULD NOT result if some or all of the requested locales
 * are not supported" (https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest): the first tag in Chinese
 * or English wins, else English.
 */
final class LocalSignIn {

    static final String PREFIX = "/local/oidc/";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    static final List<String> ACCOUNT_TYPES = List.of("ENTERPRISE", "PUBLIC_INSTITUTION", "INDIVIDUAL");
    private static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** The page's words in one language. */
    private record Words(String lang, String title, String heading, String about, String account, String type,
                         Map<String, String> types, String reviewer, String submit, String refused) {}

    private static final Words EN = new Words("en", "sms-local sign-in", "sms-local development sign-in",
            "Choose who you are on this local stack. Nothing here is checked: it is for development only.", "Account",
            "Account type", Map.of("ENTERPRISE", "ENTERPRISE", "PUBLIC_INSTITUTION", "PUBLIC_INSTITUTION",
                    "INDIVIDUAL", "INDIVIDUAL"), "Reviewer (sms/reviewer scope)", "Sign in",
            "An account of 1 to 64 letters, digits, dashes or underscores, and one of the account types, are required.");
    private static final Words ZH = new Words("zh-CN", "sms-local 登录", "sms-local 开发用登录",
            "选择你在这个本地栈上的身份。这里不做任何核验：仅供开发使用。", "账号", "账号类型",
            Map.of("ENTERPRISE", "企业（ENTERPRISE）", "PUBLIC_INSTITUTION", "事业单位（PUBLIC_INSTITUTION）",
                    "INDIVIDUAL", "个人（INDIVIDUAL）"), "审核员（sms/reviewer 权限范围）", "登录",
            "需要 1 到 64 个字母、数字、连字符或下划线组成的账号，以及一种账号类型。");
    static final List<String> UI_LOCALES = List.of(EN.lang(), ZH.lang());

    /** What the gateway sends back: a status, a content type, a body and extra headers. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer json(int status, Object body) {
            return new Answer(status, "application/json", Json.write(body),
                    Map.of("Cache-Control", "no-store"));
        }

        static Answer redirect(String location) {
            return new Answer(302, "text/plain", "", Map.of("Location", location, "Cache-Control", "no-store"));
        }
    }

    private record Grant(String account, String type, boolean reviewer, String clientId, String redirectUri,
                         String challenge, Instant expiresAt) {}

    private final LocalIssuer issuer;
    private final StackPlan.JwtConfig config;
    private final Supplier<Instant> clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    LocalSignIn(LocalIssuer issuer, StackPlan.JwtConfig config, Supplier<Instant> clock) {
        this.issuer = issuer;
        this.config = config;
        this.clock = clock;
    }

    /** {@code base}: where this stack answers, e.g. {@code http://127.0.0.1:3000}. */
    Answer handle(String method, String path, String rawQuery, String form, String base) {
        String endpoint = path.substring(PREFIX.length());
        return switch (method + " " + endpoint) {
            case "GET .well-known/openid-configuration" -> Answer.json(200, discovery(base));
            case "GET jwks.json" -> Answer.json(200, Map.of("keys", List.of(issuer.publicJwk())));
            case "GET authorize" -> authorizePage(params(rawQuery));
            case "POST authorize" -> signIn(params(form));
            case "POST token" -> token(params(form));
            default -> Answer.json(404, Map.of("message", "Not Found"));
        };
    }

    private Map<String, Object> discovery(String base) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", config.issuer());
        d.put("authorization_endpoint", base + PREFIX + "authorize");
        d.put("token_endpoint", base + PREFIX + "token");
        d.put("jwks_uri", base + PREFIX + "jwks.json");
        d.put("response_types_supported", List.of("code"));
        d.put("grant_types_supported", List.of("authorization_code"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("none"));
        d.put("scopes_supported", List.of("openid", "sms/send", "sms/reviewer"));
        d.put("ui_locales_supported", UI_LOCALES);
        return d;
    }

    /** Why the client or its redirect cannot be served, or empty. */
    private Optional<String> clientProblem(Map<String, String> p) {
        if (!config.audiences().contains(p.getOrDefault("client_id", ""))) {
            return Optional.of("client_id must be the stack's audience (" + config.audiences().get(0) + ")");
        }
        if (!loopbackHttp(p.getOrDefault("redirect_uri", ""))) {
            return Optional.of("redirect_uri must be an http URL on this machine (127.0.0.1 or localhost)");
        }
        return Optional.empty();
    }

    private static Optional<String> requestProblem(Map<String, String> p) {
        if (!"code".equals(p.get("response_type"))) {
            return Optional.of("response_type must be code");
        }
        if (!"S256".equals(p.get("code_challenge_method")) || !PKCE_VALUE.matcher(p.getOrDefault("code_challenge", "")).matches()) {
            return Optional.of("a PKCE code_challenge with code_challenge_method S256 is required");
        }
        return Optional.empty();
    }

    /** The answer to an authorization request that cannot go on: a bad client or redirect is never redirected to. */
    private Optional<Answer> refusal(Map<String, String> p) {
        Optional<String> client = clientProblem(p);
        if (client.isPresent()) {
            return Optional.of(page(400, words(p), "<p role=\"alert\">" + html(client.get()) + "</p>"));
        }
        return requestProblem(p).map(problem -> Answer.redirect(errorRedirect(p, "invalid_request", problem)));
    }

    private Answer authorizePage(Map<String, String> p) {
        Optional<Answer> refusal = refusal(p);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("response_type", "client_id", "redirect_uri", "state", "code_challenge",
                "code_challenge_method", "scope", "ui_locales")) {
            if (p.containsKey(name)) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(html(p.get(name))).append("\">");
            }
        }
        Words words = words(p);
        StringBuilder types = new StringBuilder();
        ACCOUNT_TYPES.forEach(t -> types.append("<option value=\"").append(t).append("\">").append(words.types().get(t))
                .append("</option>"));
        return page(200, words, "<form method=\"post\" action=\"" + PREFIX + "authorize\">" + hidden
                + "<p><label for=\"account\">" + words.account() + "</label> <input id=\"account\" name=\"account\" required"
                + " pattern=\"[A-Za-z0-9_\\-]{1,64}\" value=\"acme\"></p>"
                + "<p><label for=\"type\">" + words.type() + "</label> <select id=\"type\" name=\"type\">" + types + "</select></p>"
                + "<p><input type=\"checkbox\" id=\"reviewer\" name=\"reviewer\" value=\"true\">"
                + " <label for=\"reviewer\">" + words.reviewer() + "</label></p>"
                + "<p><button type=\"submit\">" + words.submit() + "</button></p></form>");
    }

    private Answer signIn(Map<String, String> p) {
        Optional<Answer> refusal = refusal(p);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String account = p.getOrDefault("account", "");
        String type = p.getOrDefault("type", "");
        if (!AccountId.isValid(account) || !ACCOUNT_TYPES.contains(type)) { // an account the API would refuse (403)
            Words words = words(p);
            return page(400, words, "<p role=\"alert\">" + words.refused() + "</p>");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = B64.encodeToString(bytes);
        codes.put(code, new Grant(account, type, "true".equals(p.get("reviewer")), p.get("client_id"),
                p.get("redirect_uri"), p.get("code_challenge"), clock.get().plus(CODE_LIFETIME)));
        return Answer.redirect(withQuery(p.get("redirect_uri"), "code=" + code + state(p)));
    }

    private Answer token(Map<String, String> p) {
        if (!"authorization_code".equals(p.get("grant_type"))) {
            return tokenError("unsupported_grant_type", "grant_type must be authorization_code");
        }
        // A code is used once, even by a request that fails: a stolen one is worth one guess.
        Grant grant = p.containsKey("code") ? codes.remove(p.get("code")) : null;
        if (grant == null || !grant.expiresAt().isAfter(clock.get())) {
            return tokenError("invalid_grant", "unknown, used or expired code");
        }
        if (!grant.clientId().equals(p.get("client_id")) || !grant.redirectUri().equals(p.get("redirect_uri"))) {
            return tokenError("invalid_grant", "client_id and redirect_uri must be those of the authorization request");
        }
        String verifier = p.getOrDefault("code_verifier", "");
        if (!PKCE_VALUE.matcher(verifier).matches() || !MessageDigest.isEqual(
                s256(verifier).getBytes(StandardCharsets.US_ASCII), grant.challenge().getBytes(StandardCharsets.US_ASCII))) {
            return tokenError("invalid_grant", "code_verifier does not match the code_challenge");
        }
        String accessToken = issuer.mint(grant.account(), grant.type(), grant.reviewer(), TOKEN_LIFETIME);
        Instant now = clock.get();
        Map<String, Object> idClaims = new LinkedHashMap<>();
        idClaims.put("iss", config.issuer());
        idClaims.put("aud", grant.clientId());
        idClaims.put("sub", "user-" + grant.account());
        idClaims.put("account_id", grant.account());
        idClaims.put("iat", now.getEpochSecond());
        idClaims.put("exp", now.plus(TOKEN_LIFETIME).getEpochSecond());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("id_token", issuer.sign(idClaims));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
        answer.put("scope", grant.reviewer() ? "sms/send sms/reviewer" : "sms/send");
        return Answer.json(200, answer);
    }

    static String s256(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer tokenError(String error, String description) {
        return Answer.json(400, Map.of("error", error, "error_description", description));
    }

    private static String errorRedirect(Map<String, String> p, String error, String description) {
        return withQuery(p.get("redirect_uri"), "error=" + error + "&error_description="
                + URLEncoder.encode(description, StandardCharsets.UTF_8) + state(p));
    }

    private static String state(Map<String, String> p) {
        return p.containsKey("state") ? "&state=" + URLEncoder.encode(p.get("state"), StandardCharsets.UTF_8) : "";
    }

    private static String withQuery(String uri, String query) {
        return uri + (uri.contains("?") ? "&" : "?") + query;
    }

    static boolean loopbackHttp(String uri) {
        try {
            URI u = new URI(uri);
            return "http".equals(u.getScheme()) && u.getRawFragment() == null && u.getRawUserInfo() == null
                    && ("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()));
        } catch (Exception e) {
            return false;
        }
    }

    /** Form or query parameters; the first of a repeated name counts; none at all if an escape is malformed. */
    static Map<String, String> params(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            FormEncoded.pairs(encoded).forEach(p -> params.putIfAbsent(p.getKey(), p.getValue()));
        } catch (IllegalArgumentException malformed) {
            params.clear(); // then the request lacks what it needs and is refused as such
        }
        return params;
    }

    /** The words of the first tag of {@code ui_locales} that is Chinese or English; English when none is. */
    private static Words words(Map<String, String> p) {
        for (String tag : p.getOrDefault("ui_locales", "").trim().split("\\s+")) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.equals("zh") || lower.startsWith("zh-")) {
                return ZH;
            }
            if (lower.equals("en") || lower.startsWith("en-")) {
                return EN;
            }
        }
        return EN;
    }

    private static Answer page(int status, Words words, String content) {
        return new Answer(status, "text/html; charset=utf-8", "<!doctype html><html lang=\"" + words.lang() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + words.title() + "</title></head><body><main><h1>" + words.heading() + "</h1>"
                + "<p>" + words.about() + "</p>" + content + "</main></body></html>", Map.of("Cache-Control", "no-store"));
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
