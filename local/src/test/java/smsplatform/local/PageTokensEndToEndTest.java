package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/**
 * Every paginated route ({@code GET /v1/signatures}, {@code GET /v1/reviews}) over HTTP: a nextToken is
 * honoured only by the route and the account it was handed to; anything else is a 400 naming
 * {@code nextToken}, never a 5xx and never another tenant's data.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class PageTokensEndToEndTest {

    /** Who calls which route: an applicant account lists its signatures, a reviewer account the queue. */
    record Caller(String name, String route, ApiClient client) {}

    /** A token tried by a caller; {@code genuine} when that very caller got it from that very route. */
    record Attempt(String kind, Caller caller, String token, boolean genuine, boolean minted) {
        @Override
        public String toString() {
            return kind + " by " + caller.name() + " on " + caller.route() + ": " + token;
        }
    }

    static RunningStack stack;
    static Map<String, Caller> callers = new LinkedHashMap<>();
    /** Per caller, the nextToken its first page (limit=1) handed out. */
    static Map<String, String> minted = new LinkedHashMap<>();
    static Map<String, Set<String>> ownSignatures = new TreeMap<>();
    static final Map<String, Integer> STATUSES = new TreeMap<>();

    static final String SIGNATURES = "/v1/signatures";
    static final String REVIEWS = "/v1/reviews";

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(PageTokensEndToEndTest.class);
        ApiClient reviewer = client("tokens-ops", true);
        for (String account : List.of("tokens-a", "tokens-b")) {
            ApiClient applicant = client(account, false);
            callers.put(account, new Caller(account, SIGNATURES, applicant));
            callers.put(account + "/reviewer", new Caller(account + "/reviewer", REVIEWS, client(account, true)));
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                String id = ReviewPipelineEndToEndTest.submitWithLicence(applicant,
                        ReviewPipelineEndToEndTest.company("Token Labs " + account.charAt(account.length() - 1) + i));
                ids.add(id);
            }
            for (String id : ids) {
                applicant.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")), "manual review");
            }
            ownSignatures.put(account, ids);
        }
        callers.put("tokens-ops", new Caller("tokens-ops", REVIEWS, reviewer));
        for (Caller c : callers.values()) {
            ApiClient.Response first = c.client().get(c.route() + "?limit=1");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            String token = (String) first.json().get("nextToken");
            assertThat(token).as("a first page of one item of " + c.name() + " has a next page").isNotNull();
            minted.put(c.name(), token);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("page tokens property: statuses " + STATUSES);
    }

    static ApiClient client(String account, boolean reviewer) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", reviewer));
    }

    static ApiClient.Response page(Caller caller, String token) throws Exception {
        return caller.client().get(caller.route() + "?limit=2&nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    static void assertRefusedAsNextToken(ApiClient.Response response, String what) {
        assertThat(response.status()).as(what + " -> " + response.body()).isEqualTo(400);
        assertThat(map(response.json().get("error"))).as(what)
                .containsEntry("code", "InvalidParameterValue").containsEntry("field", "nextToken");
        assertThat(response.json()).containsKey("requestId");
    }

    @Test
    void anEmptyJsonObjectAsTokenIsA400OnEveryPaginatedRoute() throws Exception {
        String e30 = Base64.getUrlEncoder().withoutPadding().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(e30).isEqualTo("e30");
        for (Caller c : callers.values()) {
            assertRefusedAsNextToken(page(c, e30), "e30 by " + c.name());
        }
    }

    @Test
    void aTokenHandedToOneAccountOrRouteIsA400ForEveryOtherAndGenuineTokensPageOn() throws Exception {
        for (Caller caller : callers.values()) {
            for (Map.Entry<String, String> token : minted.entrySet()) {
                ApiClient.Response r = page(caller, token.getValue());
                if (token.getKey().equals(caller.name())) {
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    assertOwnData(caller, r);
                } else {
                    assertRefusedAsNextToken(r, token.getKey() + "'s token used by " + caller.name());
                }
            }
        }
    }

    static final int TRIES = 300;

    /** The property, over {@link #TRIES} attempts drawn from one seed (SeededTries: {@code -DpageTokens.seed=...}). */
    @Test
    void anyTokenIsAnsweredWithA400OrWithTheCallersOwnDataAndForeignTokensAlwaysWithA400() throws Exception {
        SeededTries.run("pageTokens.seed", TRIES, random -> check(attempt(random)));
    }

    private static void check(Attempt attempt) throws Exception {
        ApiClient.Response r = page(attempt.caller(), attempt.token());
        STATUSES.merge(attempt.kind() + " " + r.status(), 1, Integer::sum);
        assertThat(r.status()).as(attempt + " -> " + r.body()).isIn(200, 400);
        if (attempt.genuine()) {
            assertThat(r.status()).as(attempt.toString()).isEqualTo(200);
        } else if (attempt.minted()) {
            assertRefusedAsNextToken(r, attempt.toString());
        }
        if (r.status() == 200) {
            assertOwnData(attempt.caller(), r);
        } else {
            assertRefusedAsNextToken(r, attempt.toString());
        }
    }

    /** A page of the caller's own signatures, or of the reviewer queue (applications waiting for a human). */
    static void assertOwnData(Caller caller, ApiClient.Response r) {
        if (caller.route().equals(SIGNATURES)) {
            assertThat(list(r.json().get("signatures"))).extracting(s -> (String) s.get("signatureId"))
                    .allSatisfy(id -> assertThat(ownSignatures.get(caller.name())).contains(id));
        } else {
            assertThat(list(r.json().get("reviews"))).allSatisfy(review -> {
                Object application = review.containsKey("signature") ? review.get("signature") : review.get("template");
                assertThat(map(application)).containsEntry("status", "IN_REVIEW").containsEntry("reviewStage", "MANUAL");
            });
        }
    }

    static Attempt attempt(Random random) {
        List<Caller> all = new ArrayList<>(callers.values());
        Caller caller = all.get(random.nextInt(all.size()));
        List<String> names = new ArrayList<>(minted.keySet());
        String owner = names.get(random.nextInt(names.size()));
        String token = minted.get(owner);
        return switch (random.nextInt(8)) {
            case 0 -> new Attempt("minted", caller, token, owner.equals(caller.name()), true);
            case 1 -> new Attempt("own", caller, minted.get(caller.name()), true, true);
            case 2 -> new Attempt("tampered", caller, tamper(token, random), false, false);
            case 3 -> new Attempt("random-bytes", caller, base64(randomBytes(random), random), false, false);
            case 4 -> new Attempt("random-text", caller, randomText(random), false, false);
            case 5 -> new Attempt("decoded-and-re-encoded", caller, reencode(token, random), false, false);
            default -> new Attempt("random-json", caller, base64(Json.write(randomJson(random, 0))
                    .getBytes(StandardCharsets.UTF_8), random), false, false);
        };
    }

    static String tamper(String token, Random random) {
        char[] chars = token.toCharArray();
        int i = random.nextInt(chars.length);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char replacement;
        do {
            replacement = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (replacement == chars[i]);
        chars[i] = replacement;
        return new String(chars);
    }

    static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(120)];
        random.nextBytes(bytes);
        return bytes;
    }

    static String base64(byte[] bytes, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            case 1 -> Base64.getUrlEncoder().encodeToString(bytes);
            default -> Base64.getEncoder().encodeToString(bytes);
        };
    }

    static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 0x21 + random.nextInt(0x5E);
                case 1 -> 0x4E00 + random.nextInt(0x100);
                case 2 -> "%&=+/?#".charAt(random.nextInt(7));
                default -> 'A' + random.nextInt(26);
            });
        }
        return b.toString();
    }

    /**
     * A genuine token opened up as its JSON (if it is any), one value changed to another caller's
     * account, another route or another position, and encoded again: what a forger would try.
     */
    @SuppressWarnings("unchecked")
    static String reencode(String token, Random random) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return tamper(token, random);
        }
        String changed;
        try {
            Object parsed = Json.parse(text);
            if (parsed instanceof Map<?, ?> m && !m.isEmpty()) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
                List<String> keys = new ArrayList<>(copy.keySet());
                String key = keys.get(random.nextInt(keys.size()));
                copy.put(key, forgedValue(random));
                changed = Json.write(copy);
            } else {
                changed = text + "x";
            }
        } catch (Exception notJson) {
            changed = text.isEmpty() ? "x" : text.substring(0, text.length() - 1) + "z";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8));
    }

    static Object forgedValue(Random random) {
        List<Object> values = new ArrayList<>(List.of("tokens-a", "tokens-b", "tokens-ops", "ACCOUNT#tokens-b",
                "GET /v1/signatures", "GET /v1/reviews", "SIGNATURE#sig-" + "0".repeat(26), "SIGNATURE#sig-" + "z".repeat(26),
                "", 0, -1, true, List.of(), Map.of()));
        values.addAll(minted.values());
        Object value = values.get(random.nextInt(values.size()));
        return value;
    }

    static Object randomJson(Random random, int depth) {
        List<String> keys = List.of("r", "a", "p", "v", "route", "account", "position", "pk", "sk", "reviewSince",
                "reviewQueue", "signatureId");
        return switch (depth > 2 ? random.nextInt(3) : random.nextInt(6)) {
            case 0 -> forgedValue(random);
            case 1 -> randomText(random);
            case 2 -> random.nextBoolean() ? null : random.nextDouble();
            case 3 -> random.ints(random.nextInt(4), 0, 100).boxed().map(i -> (Object) i).collect(Collectors.toList());
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    m.put(keys.get(random.nextInt(keys.size())), randomJson(random, depth + 1));
                }
                yield m;
            }
        };
    }
}
