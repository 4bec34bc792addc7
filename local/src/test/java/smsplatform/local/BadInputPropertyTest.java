package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Thousands of random requests to every route of the HTTP API: never a 5xx, and a 4xx never
 * changes anything stored for the accounts involved. Besides bodies of any shape, the template routes
 * and SendSms get bodies that the rules accept but for a field or two (so the checks past parsing are
 * reached), against an approved signature and template, a template in review and the signature fixture;
 * the pulls get queries of their own parameters (instants, days, numbers in every written form).
 */
@ResourceLock(SharedStack.APPLICATIONS)
class BadInputPropertyTest {

    record Call(String method, String path, String body, boolean reviewer) {}

    static RunningStack stack;
    static ApiClient applicant;
    static ApiClient reviewer;
    static DynamoDbClient dynamo;
    static String fixture;
    static String approvedTemplate;
    static String draftTemplate;
    static Map<String, String> snapshot;
    static final int TRIES = 1800;
    /** How long an accepted write's account stays unchanged before the next comparison ({@link #settled}). */
    static final Duration QUIET = Duration.ofMillis(300);
    /** A decision's effect has no in-flight marker: it shows once the review queue's consumer applies it. */
    static final Duration DECISION_QUIET = Duration.ofSeconds(1);
    static int tries;
    static final Map<Integer, Integer> STATUSES = new TreeMap<>();
    static final Map<String, Integer> CODES = new TreeMap<>();

    static final String SIGN = "Fuzz Sender";
    /** Stands for a JSON escape of a lone surrogate, which a Java string cannot carry through Json.write. */
    static final String LONE_SURROGATE = "<lone-surrogate>";
    static final List<String> FIELDS = List.of("name", "type", "purpose", "international", "entity", "remark", "kind",
            "contentType", "decision", "reasons", "comment", "version", "phoneNumbers", "sign", "content",
            "sessionContext", "appStoreUrl", "domain", "icpNumber", "variables", "templateId", "templateParams", "url", "events");
    static final List<Object> VALUES = List.of("COMPANY", "APP", "SELF_USE", "FOR_OTHERS", "APPROVE", "REJECT",
            "BUSINESS_LICENSE", "application/pdf", "OTHER", "13800138000", "+8613800138000", "138-0013-8000",
            "(+86) 138 0013 8000", "+1 (415) 555-0100", "1-800-FLOWERS", "Fuzz Labs", "【】",
            "", " ", "\u0000", "测试", "x".repeat(3000), -1, 0, 3, 1e308, true, false, List.of(), Map.of(),
            "VERIFICATION_CODE", "NOTIFICATION", "MARKETING", "CODE", "DIGITS", "AMOUNT", "DATETIME", "NAME", "TEXT",
            "MISSING_OPT_OUT", "UNCLEAR_PURPOSE", "signature", "template", SIGN, "{1}", "{0}", "{11}", "${code}",
            "Your code is {1}", "Order {1} ships {1}", "Visit https://fuzz.example.com/{1}", "［{1}］", "ｈｔｔｐ：／／x.cn",
            "424242", "12.50", "2026-01-01 08:00", "www.fuzz.cn", "[Fuzz]", "tpl-" + "0".repeat(26), LONE_SURROGATE,
            List.of("424242"), List.of("424242", "5"), List.of("【x】"), List.of(LONE_SURROGATE), List.of(Map.of()),
            Map.of("kind", "CODE"), List.of(Map.of("kind", "CODE")), List.of(Map.of("kind", "URL")),
            List.of(Map.of("kind", "CODE"), Map.of("kind", "CODE")), "https://hooks.fuzz.invalid/v2",
            "http://169.254.169.254/latest/meta-data/", "https://10.0.0.1/", "https://u:p@hooks.example.com/",
            "https://[::ffff:127.0.0.1]/", List.of("MESSAGE_STATUS"), List.of("REVIEW_RESULT", "ANYTHING"));

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(BadInputPropertyTest.class);
        applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "fuzz", "ENTERPRISE", false));
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "fuzz-reviewer", "ENTERPRISE", true));
        Map<String, Object> endpoints = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json")));
        dynamo = LocalStack.client(DynamoDbClient.builder(), (String) endpoints.get("dynamoDb")).build();
        fixture = (String) ApiClient.map(applicant.post("/v1/signatures", Map.of("name", "Fuzz Labs", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Fuzz Labs Ltd."))).json().get("signature"))
                .get("signatureId");
        approvedTemplate = Journeys.approveSender(applicant, reviewer, SIGN, SIGN + " Ltd.");
        draftTemplate = (String) applicant.post("/v1/templates", validTemplate()).json().get("templateId");
        snapshot = settled(DECISION_QUIET);
    }

    @AfterAll
    static void report() {
        System.out.println("bad-input property: " + tries + " requests, statuses " + STATUSES + ", error codes " + CODES);
        if (dynamo != null) {
            dynamo.close();
        }
    }

    /** Everything stored for the fuzzed account. */
    static Map<String, String> snapshot() {
        return snapshot(items());
    }

    /** Callback failures are left out: the dispatcher writes them on its own, a retry window after an event. */
    static Map<String, String> snapshot(List<Map<String, AttributeValue>> items) {
        Map<String, String> bySortKey = new TreeMap<>();
        items.stream().filter(item -> !item.get("sk").s().startsWith("CALLBACKFAIL#"))
                .forEach(item -> bySortKey.put(item.get("sk").s(), item.toString()));
        return bySortKey;
    }

    static List<Map<String, AttributeValue>> items() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName("SmsTable").consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACCOUNT#fuzz")))).items()
                .forEach(items::add);
        return items;
    }

    /**
     * The snapshot once what an accepted write set off asynchronously has landed: no application waits for
     * the automatic review or holds unpublished review results, no message is on its way, and nothing
     * changed for {@code quiet}. Those markers are written with the write itself; a reviewer's decision has none
     * (it is only enqueued, and shows once the review consumer applies it), so it is given {@link #DECISION_QUIET}.
     */
    static Map<String, String> settled(Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, String> last = snapshot();
        long unchangedSince = System.nanoTime();
        while (true) {
            assertThat(System.nanoTime()).as("the fuzzed account still changing after 60 s: " + last).isLessThan(deadline);
            Thread.sleep(100);
            List<Map<String, AttributeValue>> items = items();
            Map<String, String> now = snapshot(items);
            if (!now.equals(last) || items.stream().anyMatch(BadInputPropertyTest::inFlight)) {
                unchangedSince = System.nanoTime();
            } else if (System.nanoTime() - unchangedSince >= quiet.toNanos()) {
                return now;
            }
            last = now;
        }
    }

    private static boolean inFlight(Map<String, AttributeValue> item) {
        return item.containsKey("pendingShard") || item.values().stream().map(AttributeValue::s)
                .anyMatch(s -> s != null && (s.contains("\"reviewStage\":\"AUTOMATIC\"") || s.contains("\"outbox\":[{")));
    }

    /** The property, over {@link #TRIES} calls drawn from one seed (SeededTries: {@code -DbadInput.seed=...} replays them). */
    @Test
    void noRequestIsAnsweredWithA5xxAndRefusedOnesChangeNothing() throws Exception {
        SeededTries.run("badInput.seed", TRIES, random -> check(call(random)));
    }

    private static void check(Call call) throws Exception {
        ApiClient client = call.reviewer() ? reviewer : applicant;
        ApiClient.Response response = call.body() == null
                ? client.raw(call.method(), call.path(), null)
                : client.raw(call.method(), call.path(), call.body(), "Content-Type", "application/json");
        tries++;
        STATUSES.merge(response.status(), 1, Integer::sum);
        assertThat(response.status()).as(call + " -> " + response.body()).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.status()).isNotIn(401);
            Map<String, Object> body = response.json();
            if (body.containsKey("error")) {
                assertThat(ApiClient.map(body.get("error"))).as(call.toString()).containsKeys("code", "message");
                CODES.merge((String) ApiClient.map(body.get("error")).get("code"), 1, Integer::sum);
            } else {
                // DESIGN §4: the gateway's own answers (unknown route, body over 256 KiB, scope) are {"message"}.
                assertThat(response.status()).as(call + " -> " + response.body()).isIn(403, 404, 413, 429);
                assertThat(body).as(call.toString()).containsOnlyKeys("message");
            }
            assertThat(snapshot()).as("a refused request changed stored state: " + call).isEqualTo(snapshot);
        } else if (!call.method().equals("GET")) {
            // Let asynchronous consequences (queues) land before the next comparison.
            snapshot = settled(call.path().endsWith("/decision") ? DECISION_QUIET : QUIET);
        }
    }

    static Call call(Random random) {
        String body = body(random);
        String id = switch (random.nextInt(6)) {
            case 0 -> URLEncoder.encode(randomText(random, 30), StandardCharsets.UTF_8);
            case 1 -> approvedTemplate;
            case 2 -> draftTemplate;
            default -> fixture;
        };
        String template = random.nextBoolean() ? draftTemplate : approvedTemplate;
        String templateBody = random.nextBoolean() ? body : nearlyValid(random, validTemplate());
        return switch (random.nextInt(25)) {
            case 0 -> new Call("POST", "/v1/signatures", body, false);
            case 1 -> new Call("PUT", "/v1/signatures/" + fixture, body, false);
            case 2 -> new Call("POST", "/v1/signatures/" + fixture + "/uploads", body, false);
            case 3 -> new Call("POST", "/v1/reviews/" + id + "/decision", body, true);
            case 4 -> new Call("POST", "/v1/sms/send", random.nextBoolean() ? body : nearlyValid(random, validSend()),
                    false);
            case 5 -> new Call("GET", "/v1/signatures?" + query(random), null, false);
            case 6 -> new Call("GET", "/v1/signatures/" + pathSegment(random), null, false);
            case 7 -> new Call("GET", "/v1/sms/" + pathSegment(random), null, false);
            case 8 -> new Call("DELETE", "/v1/signatures/" + pathSegment(random), null, false);
            case 9 -> new Call("GET", "/v1/reviews?" + query(random), null, true);
            case 10 -> new Call("POST", "/v1/templates", templateBody, false);
            case 11 -> new Call("PUT", "/v1/templates/" + (random.nextInt(4) == 0 ? pathSegment(random) : template),
                    templateBody, false);
            case 12 -> new Call("GET", "/v1/templates?" + query(random), null, false);
            case 13 -> new Call("GET", "/v1/templates/" + (random.nextInt(4) == 0 ? template : pathSegment(random)),
                    null, false);
            case 14 -> new Call("DELETE", "/v1/templates/" + pathSegment(random), null, false);
            case 15 -> new Call("PUT", "/v1/callbacks", random.nextBoolean() ? body : nearlyValid(random, validCallback()),
                    false);
            case 16 -> new Call("GET", "/v1/callbacks/failures?" + query(random), null, false);
            case 17 -> new Call(random.nextBoolean() ? "POST" : "GET", random.nextBoolean() ? "/v1/callbacks/secret"
                    : "/v1/callbacks", body, false);
            case 18 -> new Call("GET", "/v1/sms?" + pullQuery(random), null, false);
            case 19 -> new Call("GET", "/v1/statistics?" + pullQuery(random), null, false);
            case 20 -> new Call("GET", "/v1/replies?" + pullQuery(random), null, false);
            case 21 -> new Call("GET", "/v1/opt-outs?" + query(random), null, false);
            case 22, 23 -> new Call(random.nextBoolean() ? "PUT" : "DELETE", "/v1/opt-outs/"
                    + (random.nextInt(3) == 0 ? "1380013" + String.format("%04d", random.nextInt(10_000))
                    : pathSegment(random)), random.nextBoolean() ? body : null, false);
            default -> new Call(random.nextBoolean() ? "PATCH" : "POST", "/v1/" + pathSegment(random), body, false);
        };
    }

    static String body(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> randomText(random, 200);
            case 1 -> json(value(random, 0));
            default -> json(object(random, 0));
        };
    }

    static String json(Object value) {
        return Json.write(value).replace(LONE_SURROGATE, "\\ud83d");
    }

    /** A POST /v1/templates body the rules accept (a verification code, as the approved template). */
    static Map<String, Object> validTemplate() {
        return Map.of("name", "Fuzz code", "type", "VERIFICATION_CODE", "international", false,
                "content", Journeys.CODE_TEMPLATE, "variables", List.of(Map.of("kind", "CODE")),
                "remark", "Sign-in verification codes for the fuzz account");
    }

    /** A webhook the API accepts; its host never resolves (RFC 2606 .invalid), so no event leaves the machine. */
    static Map<String, Object> validCallback() {
        return Map.of("url", "https://hooks.fuzz.invalid/sms", "events", List.of("MESSAGE_STATUS", "REVIEW_RESULT"));
    }

    /** A send that would go out: the approved signature and template, a parameter of the right kind. */
    static Map<String, Object> validSend() {
        return Map.of("phoneNumbers", List.of("13800138000"), "sign", SIGN, "templateId", approvedTemplate,
                "templateParams", List.of("424242"));
    }

    /**
     * The valid body with up to two fields replaced or dropped (none: the body as it is); half the
     * replacements come from {@link #VALUES}, so the domain's own refusals are reached often.
     */
    static String nearlyValid(Random random, Map<String, Object> valid) {
        Map<String, Object> m = new LinkedHashMap<>(valid);
        List<String> keys = new ArrayList<>(valid.keySet());
        for (int changes = random.nextInt(3); changes > 0; changes--) {
            String key = random.nextInt(4) == 0 ? FIELDS.get(random.nextInt(FIELDS.size()))
                    : keys.get(random.nextInt(keys.size()));
            if (random.nextInt(4) == 0) {
                m.remove(key);
            } else {
                m.put(key, random.nextBoolean() ? VALUES.get(random.nextInt(VALUES.size())) : value(random, 1));
            }
        }
        return json(m);
    }

    static Map<String, Object> object(Random random, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            String key = random.nextInt(5) == 0 ? randomText(random, 10) : FIELDS.get(random.nextInt(FIELDS.size()));
            m.put(key, value(random, depth + 1));
        }
        return m;
    }

    static Object value(Random random, int depth) {
        int choice = random.nextInt(depth > 2 ? 4 : 6);
        return switch (choice) {
            case 0 -> VALUES.get(random.nextInt(VALUES.size()));
            case 1 -> randomText(random, 40);
            case 2 -> random.nextInt(7) - 3;
            case 3 -> random.nextBoolean() ? null : random.nextDouble();
            case 4 -> {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(random.nextInt(10) == 0 ? 300 : 5);
                for (int i = 0; i < n; i++) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
            default -> object(random, depth + 1);
        };
    }

    static String query(Random random) {
        String[] keys = {"limit", "status", "nextToken", "kind", "x"};
        String[] values = {"0", "1", "101", "-5", "abc", "APPROVED", "IN_REVIEW", "REJECTED", "%FF", "eyJ9", "",
            "signature", "template", "TEMPLATE", "signature,template"};
        return keys[random.nextInt(keys.length)] + "=" + values[random.nextInt(values.length)];
    }

    /** One to three parameters of the pulls, valid or nearly (instants, days, numbers in every written form). */
    static String pullQuery(Random random) {
        String[] keys = {"phoneNumber", "from", "to", "status", "limit", "nextToken", "x"};
        String[] values = {"", "13800138000", "%2B8613800138000", "+8613800138000", "0086138", "%2B14155550123",
            "2026-11-30T08:00:00Z", "2026-11-30T16:00:00%2B08:00", "2026-11-30T16:00:00+08:00", "2026-11-30",
            "2026-02-30", "1969-12-31T23:59:59Z", "%2B999999999-12-31T23:59:59Z", "-999999999-01-01", "9999-12-31",
            "1970-01-01T00:00:00Z", "UNDELIVERED", "DELIVERED", "delivered", "0", "100", "101", "eyJ9", "%FF",
            "2026-11-01T00:00:00Z", "1", "%E6%B5%8B"};
        StringBuilder query = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            query.append(query.isEmpty() ? "" : "&").append(keys[random.nextInt(keys.length)]).append('=')
                    .append(values[random.nextInt(values.length)]);
        }
        return query.toString();
    }

    static String pathSegment(Random random) {
        String[] forms = {"sig-" + "0".repeat(26), "sig-x", "..%2F..%2Fetc", "%E6%B5%8B", "sms-" + "z".repeat(26), "a",
            "tpl-" + "0".repeat(26), "tpl-x"};
        return forms[random.nextInt(forms.length)];
    }

    static String randomText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            b.appendCodePoint(switch (kind) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0x4E00 + random.nextInt(0x5000);
                case 2 -> random.nextInt(0x20);
                default -> 0x1F600 + random.nextInt(0x50);
            });
        }
        return b.toString();
    }
}
