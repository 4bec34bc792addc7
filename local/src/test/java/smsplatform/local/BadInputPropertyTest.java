package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import smsplatform.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Thousands of random requests to every route of the HTTP API: never a 5xx, and a 4xx never
 * changes anything stored for the accounts involved.
 */
class BadInputPropertyTest {

    record Call(String method, String path, String body, boolean reviewer) {}

    static RunningStack stack;
    static ApiClient applicant;
    static ApiClient reviewer;
    static DynamoDbClient dynamo;
    static String fixture;
    static Map<String, String> snapshot;
    static int tries;
    static final Map<Integer, Integer> STATUSES = new TreeMap<>();

    static final List<String> FIELDS = List.of("name", "type", "purpose", "international", "entity", "remark", "kind",
            "contentType", "decision", "reasons", "comment", "version", "phoneNumbers", "sign", "content",
            "sessionContext", "appStoreUrl", "domain", "icpNumber");
    static final List<Object> VALUES = List.of("COMPANY", "APP", "SELF_USE", "FOR_OTHERS", "APPROVE", "REJECT",
            "BUSINESS_LICENSE", "application/pdf", "OTHER", "13800138000", "+8613800138000", "Fuzz Labs", "【】",
            "", " ", "\u0000", "测试", "x".repeat(3000), -1, 0, 3, 1e308, true, false, List.of(), Map.of());

    @BeforeContainer
    static void start() throws Exception {
        stack = SharedStack.get();
        applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "fuzz", "ENTERPRISE", false));
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "fuzz-reviewer", "ENTERPRISE", true));
        Map<String, Object> endpoints = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json")));
        dynamo = LocalStack.client(DynamoDbClient.builder(), (String) endpoints.get("dynamoDb")).build();
        fixture = (String) ApiClient.map(applicant.post("/v1/signatures", Map.of("name", "Fuzz Labs", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Fuzz Labs Ltd."))).json().get("signature"))
                .get("signatureId");
        snapshot = snapshot();
    }

    @AfterContainer
    static void report() {
        System.out.println("bad-input property: " + tries + " requests, statuses " + STATUSES);
        dynamo.close();
    }

    /** Everything stored for the fuzzed account. */
    static Map<String, String> snapshot() {
        Map<String, String> items = new TreeMap<>();
        dynamo.queryPaginator(b -> b.tableName("SmsTable").consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACCOUNT#fuzz")))).items()
                .forEach(item -> items.put(item.get("sk").s(), item.toString()));
        return items;
    }

    @Property(tries = 2500)
    void noRequestIsAnsweredWithA5xxAndRefusedOnesChangeNothing(@ForAll("calls") Call call) throws Exception {
        ApiClient client = call.reviewer() ? reviewer : applicant;
        ApiClient.Response response = call.body() == null
                ? client.raw(call.method(), call.path(), null)
                : client.raw(call.method(), call.path(), call.body(), "Content-Type", "application/json");
        synchronized (STATUSES) {
            tries++;
            STATUSES.merge(response.status(), 1, Integer::sum);
        }
        assertThat(response.status()).as(call + " -> " + response.body()).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.status()).isNotIn(401);
            Map<String, Object> body = response.json();
            if (body.containsKey("error")) {
                assertThat(ApiClient.map(body.get("error"))).as(call.toString()).containsKeys("code", "message");
            } else {
                // DESIGN §4: the gateway's own answers (unknown route, body over 256 KiB, scope) are {"message"}.
                assertThat(response.status()).as(call + " -> " + response.body()).isIn(403, 404, 413, 429);
                assertThat(body).as(call.toString()).containsOnlyKeys("message");
            }
            assertThat(snapshot()).as("a refused request changed stored state: " + call).isEqualTo(snapshot);
        } else if (!call.method().equals("GET")) {
            Thread.sleep(200); // let asynchronous consequences (queues) land before the next comparison
            snapshot = snapshot();
        }
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.randomValue(random -> {
            String body = body(random);
            String id = random.nextInt(4) == 0
                    ? java.net.URLEncoder.encode(randomText(random, 30), java.nio.charset.StandardCharsets.UTF_8) : fixture;
            return switch (random.nextInt(11)) {
                case 0 -> new Call("POST", "/v1/signatures", body, false);
                case 1 -> new Call("PUT", "/v1/signatures/" + fixture, body, false);
                case 2 -> new Call("POST", "/v1/signatures/" + fixture + "/uploads", body, false);
                case 3 -> new Call("POST", "/v1/reviews/" + id + "/decision", body, true);
                case 4 -> new Call("POST", "/v1/sms/send", body, false);
                case 5 -> new Call("GET", "/v1/signatures?" + query(random), null, false);
                case 6 -> new Call("GET", "/v1/signatures/" + pathSegment(random), null, false);
                case 7 -> new Call("GET", "/v1/sms/" + pathSegment(random), null, false);
                case 8 -> new Call("DELETE", "/v1/signatures/" + pathSegment(random), null, false);
                case 9 -> new Call("GET", "/v1/reviews?" + query(random), null, true);
                default -> new Call(random.nextBoolean() ? "PATCH" : "POST", "/v1/" + pathSegment(random), body, false);
            };
        });
    }

    static String body(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> randomText(random, 200);
            case 1 -> Json.write(value(random, 0));
            default -> Json.write(object(random, 0));
        };
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
        String[] keys = {"limit", "status", "nextToken", "x"};
        String[] values = {"0", "1", "101", "-5", "abc", "APPROVED", "IN_REVIEW", "%FF", "eyJ9", ""};
        return keys[random.nextInt(keys.length)] + "=" + values[random.nextInt(values.length)];
    }

    static String pathSegment(Random random) {
        String[] forms = {"sig-" + "0".repeat(26), "sig-x", "..%2F..%2Fetc", "%E6%B5%8B", "sms-" + "z".repeat(26), "a"};
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
