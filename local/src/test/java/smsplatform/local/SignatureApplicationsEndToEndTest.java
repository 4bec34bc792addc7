package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Issue #3 over HTTP: the signature routes' contract, quota and names under concurrency, idempotency, isolation. */
@ResourceLock(SharedStack.APPLICATIONS)
class SignatureApplicationsEndToEndTest {

    static RunningStack stack;
    static S3Client s3;
    static ExecutorService pool = Executors.newFixedThreadPool(32);

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(SignatureApplicationsEndToEndTest.class);
        Map<String, Object> endpoints = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json")));
        s3 = LocalStack.client(S3Client.builder(), (String) endpoints.get("s3")).forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        s3.close();
    }

    static ApiClient account(String id, String type) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, id, type, false));
    }

    static Map<String, Object> company(String name) {
        return Map.of("name", name, "type", "COMPANY", "purpose", "SELF_USE", "entity", Map.of("name", name + " Ltd."));
    }

    static int registrySize(String account) throws Exception {
        return stack.registrySize(account);
    }

    static List<Map<String, Object>> all(ApiClient client) throws Exception {
        List<Map<String, Object>> signatures = new ArrayList<>();
        String token = null;
        do {
            Map<String, Object> page = client.get("/v1/signatures?limit=100" + (token == null ? "" : "&nextToken=" + token)).json();
            signatures.addAll(list(page.get("signatures")));
            token = (String) page.get("nextToken");
        } while (token != null);
        return signatures;
    }

    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    @Test
    void oneHundredConcurrentSubmissionsCreateExactlyFiftyInTenRounds() throws Exception {
        for (int round = 0; round < 10; round++) {
            ApiClient client = account("quota-round-" + round, "ENTERPRISE");
            List<Callable<ApiClient.Response>> submissions = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String name = "Acme R" + round + " N" + i;
                submissions.add(() -> client.post("/v1/signatures", company(name)));
            }
            List<ApiClient.Response> responses = concurrently(submissions);
            long created = responses.stream().filter(r -> r.status() == 201).count();
            long refused = responses.stream().filter(r -> r.status() == 400
                    && r.body().contains("\"FailedOperation.SignNumberLimit\"")).count();
            System.out.printf("quota round %d: created %d, refused %d%n", round, created, refused);
            assertThat(created).as("round " + round).isEqualTo(50);
            assertThat(refused).as("round " + round).isEqualTo(50);
            assertThat(all(client)).hasSize(50);
            assertThat(registrySize("quota-round-" + round)).isEqualTo(50);
        }
    }

    @Test
    void twentyConcurrentSubmissionsOfOneNameCreateExactlyOne() throws Exception {
        ApiClient client = account("same-name", "ENTERPRISE");
        List<Callable<ApiClient.Response>> submissions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            submissions.add(() -> client.post("/v1/signatures", company("Only Once")));
        }
        List<ApiClient.Response> responses = concurrently(submissions);
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409
                && r.body().contains("\"InvalidParameterValue.SignExistAndUnapproved\""))).hasSize(19);
        assertThat(all(client)).hasSize(1);
        assertThat(registrySize("same-name")).isEqualTo(1);
    }

    @Test
    void interleavedConcurrentDeletesAndSubmitsKeepTheCountEqualToTheSignatures() throws Exception {
        ApiClient client = account("interleaved", "ENTERPRISE");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add((String) map(client.post("/v1/signatures", company("Old Name " + i)).json().get("signature"))
                    .get("signatureId"));
        }
        List<Callable<ApiClient.Response>> work = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = ids.get(i);
            String name = "New Name " + i;
            work.add(() -> client.delete("/v1/signatures/" + id));
            work.add(() -> client.post("/v1/signatures", company(name)));
        }
        List<ApiClient.Response> responses = concurrently(work);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 204, 400));
        int exist = all(client).size();
        assertThat(exist).isLessThanOrEqualTo(50);
        assertThat(registrySize("interleaved")).isEqualTo(exist);
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstResponseAndChangeNothingMore() throws Exception {
        ApiClient client = account("idempotent", "ENTERPRISE");
        String body = Json.write(company("Retry Safe"));
        ApiClient.Response first = client.raw("POST", "/v1/signatures", body, "Content-Type", "application/json",
                "Idempotency-Key", "submit-1");
        ApiClient.Response second = client.raw("POST", "/v1/signatures", body, "Content-Type", "application/json",
                "Idempotency-Key", "submit-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(all(client)).hasSize(1);

        ApiClient.Response reuse = client.raw("POST", "/v1/signatures", Json.write(company("Other Body")),
                "Content-Type", "application/json", "Idempotency-Key", "submit-1");
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(map(reuse.json().get("error")).get("code")).isEqualTo("IdempotencyKeyReuse");
        assertThat(all(client)).hasSize(1);

        String id = (String) map(first.json().get("signature")).get("signatureId");
        assertThat(client.raw("DELETE", "/v1/signatures/" + id, null, "Idempotency-Key", "delete-1").status()).isEqualTo(204);
        assertThat(client.raw("DELETE", "/v1/signatures/" + id, null, "Idempotency-Key", "delete-1").status())
                .as("replayed").isEqualTo(204);
        assertThat(client.delete("/v1/signatures/" + id).status()).as("without the key: it is gone").isEqualTo(404);
    }

    @Test
    void anotherAccountGetsNotFoundOnEveryRouteAndCannotUploadIntoTheOwnersPrefix() throws Exception {
        ApiClient owner = account("owner", "ENTERPRISE");
        ApiClient intruder = account("intruder", "ENTERPRISE");
        ApiClient.Response submitted = owner.post("/v1/signatures", company("Owned Name"));
        String id = (String) map(submitted.json().get("signature")).get("signatureId");

        assertThat(intruder.get("/v1/signatures/" + id).status()).isEqualTo(404);
        assertThat(intruder.put("/v1/signatures/" + id, company("Owned Name")).status()).isEqualTo(404);
        assertThat(intruder.post("/v1/signatures/" + id + "/uploads",
                Map.of("kind", "BUSINESS_LICENSE", "contentType", "application/pdf")).status()).isEqualTo(404);
        assertThat(intruder.delete("/v1/signatures/" + id).status()).isEqualTo(404);
        assertThat(all(intruder)).isEmpty();
        ApiClient.Response notFound = intruder.get("/v1/signatures/" + id);
        ApiClient.Response missing = intruder.get("/v1/signatures/sig-0000000000000000000000zzzz");
        assertThat(map(notFound.json().get("error")).get("code")).isEqualTo(map(missing.json().get("error")).get("code"));

        // An object under the intruder's prefix naming the owner's signature changes nothing.
        String key = "certificates/intruder/" + id + "/BUSINESS_LICENSE/up-0000000000000000000000000b";
        s3.putObject(b -> b.bucket("sms-certificates-00000000-0000-4000-8000-000000000000").key(key).contentType("application/pdf"),
                RequestBody.fromBytes(SignatureJourneyEndToEndTest.PDF));
        Thread.sleep(3000);
        Map<String, Object> after = owner.get("/v1/signatures/" + id).json();
        assertThat(list(after.get("documents"))).isEmpty();
        assertThat(after.get("status")).isEqualTo("AWAITING_DOCUMENTS");
    }

    @Test
    void modifyListDeleteAndFreshUploads() throws Exception {
        ApiClient client = account("lifecycle", "ENTERPRISE");
        String id = (String) map(client.post("/v1/signatures", company("Life Cycle")).json().get("signature")).get("signatureId");

        ApiClient.Response modified = client.put("/v1/signatures/" + id, Map.of("name", "Life Cycle", "type", "APP",
                "purpose", "SELF_USE", "entity", Map.of("name", "Life Cycle", "appStoreUrl", "https://apps.example/lc")));
        assertThat(modified.status()).as(modified.body()).isEqualTo(200);
        assertThat(modified.json().get("type")).isEqualTo("APP");
        assertThat(list(modified.json().get("requiredDocuments"))).hasSize(2);

        ApiClient.Response international = client.put("/v1/signatures/" + id, Map.of("name", "Life Cycle", "type", "APP",
                "purpose", "SELF_USE", "international", true, "entity", Map.of("name", "Life Cycle", "appStoreUrl", "x")));
        assertThat(international.status()).isEqualTo(400);

        ApiClient.Response upload = client.post("/v1/signatures/" + id + "/uploads",
                Map.of("kind", "APP_STORE_BACKEND_SCREENSHOT", "contentType", "image/png"));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(map(map(upload.json().get("upload")).get("fields"))).containsEntry("Content-Type", "image/png");
        ApiClient.Response wrongKind = client.post("/v1/signatures/" + id + "/uploads",
                Map.of("kind", "ICP_FILING_SCREENSHOT", "contentType", "image/png"));
        assertThat(wrongKind.status()).isEqualTo(400);

        client.post("/v1/signatures", company("Life Two"));
        client.post("/v1/signatures", company("Life Three"));
        Map<String, Object> page = client.get("/v1/signatures?limit=2").json();
        assertThat(list(page.get("signatures"))).extracting(s -> s.get("name")).containsExactly("Life Three", "Life Two");
        Map<String, Object> next = client.get("/v1/signatures?limit=2&nextToken=" + page.get("nextToken")).json();
        assertThat(list(next.get("signatures"))).extracting(s -> s.get("name")).containsExactly("Life Cycle");
        assertThat(client.get("/v1/signatures?status=APPROVED").json().get("signatures")).isEqualTo(List.of());
        ApiClient.Response badStatus = client.get("/v1/signatures?status=DONE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(map(badStatus.json().get("error")).get("message").toString()).contains("AWAITING_DOCUMENTS", "APPROVED");
        assertThat(client.get("/v1/signatures?nextToken=forged").status()).isEqualTo(400);

        ApiClient.Response taken = client.put("/v1/signatures/" + id, Map.of("name", "Life Two", "type", "APP",
                "purpose", "SELF_USE", "entity", Map.of("name", "Life Cycle", "appStoreUrl", "https://apps.example/lc")));
        assertThat(taken.status()).as("renaming onto another signature's name").isEqualTo(409);
        ApiClient.Response renamed = client.put("/v1/signatures/" + id, Map.of("name", "Life Renamed", "type", "APP",
                "purpose", "SELF_USE", "entity", Map.of("name", "Life Cycle", "appStoreUrl", "https://apps.example/lc")));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name")).isEqualTo("Life Renamed");
        assertThat(client.post("/v1/signatures", company("Life Cycle")).status()).as("the old name is free").isEqualTo(201);

        assertThat(client.delete("/v1/signatures/" + id).status()).isEqualTo(204);
        assertThat(client.post("/v1/signatures", company("Life Renamed")).status()).as("the name is free again").isEqualTo(201);
        assertThat(registrySize("lifecycle")).isEqualTo(all(client).size());
    }

    @Test
    void modifyingASignatureInReviewWithdrawsItAndTheReviewersStaleDecisionIsDiscarded() throws Exception {
        ApiClient client = account("withdraw", "ENTERPRISE");
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "withdraw-ops", "ENTERPRISE", true));
        ApiClient.Response submitted = client.post("/v1/signatures", company("Withdraw Labs"));
        String id = (String) map(submitted.json().get("signature")).get("signatureId");
        ApiClient.upload(list(submitted.json().get("uploads")).get(0), "application/pdf", SignatureJourneyEndToEndTest.PDF);
        Map<String, Object> manual = client.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")),
                "manual review");

        Map<String, Object> remark = new LinkedHashMap<>(company("Withdraw Labs"));
        remark.put("remark", "new remark");
        assertThat(client.put("/v1/signatures/" + id, remark).status()).isEqualTo(200);
        assertThat(reviewer.post("/v1/reviews/" + id + "/decision",
                Map.of("decision", "APPROVE", "version", manual.get("version"))).status()).isEqualTo(202);
        Map<String, Object> after = client.await("/v1/signatures/" + id, s -> list(s.get("history")).stream()
                .anyMatch(h -> String.valueOf(h.get("note")).contains("discarded")), "the stale decision");
        assertThat(after.get("status")).as("never approved by a decision about an older version").isEqualTo("IN_REVIEW");
        assertThat(list(after.get("history"))).extracting(h -> h.get("from") + ">" + h.get("to"))
                .contains("IN_REVIEW>AWAITING_DOCUMENTS", "AWAITING_DOCUMENTS>IN_REVIEW");
    }

    @Test
    void unknownEnumValuesAreRefusedWithTheAllowedValues() throws Exception {
        ApiClient client = account("enums", "ENTERPRISE");
        ApiClient.Response response = client.post("/v1/signatures",
                Map.of("name", "Enum Test Co", "type", "BLOG", "purpose", "SELF_USE", "entity", Map.of("name", "x")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(map(response.json().get("error"))).containsEntry("field", "type");
        assertThat(map(response.json().get("error")).get("message").toString())
                .contains("COMPANY", "APP", "WEBSITE", "WECHAT_OFFICIAL_ACCOUNT", "WECHAT_MINI_PROGRAM", "TRADEMARK", "GOVERNMENT");
    }

    @Test
    void badBodiesAreClearFourHundredsAndABodyOver256KiBIs413() throws Exception {
        ApiClient client = account("bad-input", "ENTERPRISE");
        String[][] cases = {
                {"{", "MalformedBody"}, {"[]", "MalformedBody"}, {"", "MalformedBody"}, {"null", "MalformedBody"},
                {"{\"name\": 5, \"type\": \"COMPANY\", \"purpose\": \"SELF_USE\", \"entity\": {\"name\": \"x\"}}", "InvalidParameterValue"},
                {"{\"type\": \"COMPANY\", \"purpose\": \"SELF_USE\", \"entity\": {\"name\": \"x\"}}", "MissingParameter"},
                {"{\"name\": \"Acme\", \"type\": \"COMPANY\", \"purpose\": \"SELF_USE\", \"entity\": \"x\"}", "InvalidParameterValue"},
                {"{\"name\": \"" + "A".repeat(5000) + "\", \"type\": \"COMPANY\", \"purpose\": \"SELF_USE\", \"entity\": {}}", "InvalidParameterValue"},
        };
        for (String[] c : cases) {
            ApiClient.Response r = client.raw("POST", "/v1/signatures", c[0], "Content-Type", "application/json");
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(map(r.json().get("error")).get("code")).as(c[0]).isEqualTo(c[1]);
            assertThat(r.json()).containsKey("requestId");
        }
        ApiClient.Response huge = client.raw("POST", "/v1/signatures", "{\"x\":\"" + "a".repeat(300 * 1024) + "\"}",
                "Content-Type", "application/json");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json()).as("API Gateway's own answer").isEqualTo(Map.of("message", "Request Entity Too Large"));
        assertThat(all(client)).isEmpty();
    }

    static String errorCode(ApiClient.Response response) {
        return (String) map(response.json().get("error")).get("code");
    }

    @Test
    void namesThatRenderAlikeAreOneNameStoredInTheirOrdinaryFormAndRadicalsWithoutAnIdeographAreRefused() throws Exception {
        ApiClient client = account("render-alike", "ENTERPRISE");
        ApiClient.Response first = client.post("/v1/signatures", company("人民银行"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        ApiClient.Response kangxi = client.post("/v1/signatures", company("\u2F08民银行"));
        assertThat(kangxi.status()).as("KANGXI RADICAL PERSON is 人 after NFKC: " + kangxi.body()).isEqualTo(409);
        assertThat(errorCode(kangxi)).isEqualTo("InvalidParameterValue.SignExistAndUnapproved");
        ApiClient.Response civilian = client.post("/v1/signatures", company("\u2F08\u2EA0银行"));
        assertThat(civilian.status()).as("CJK RADICAL CIVILIAN renders as 民: " + civilian.body()).isEqualTo(409);
        ApiClient.Response radical = client.post("/v1/signatures", company("人\u2E80银行"));
        assertThat(radical.status()).as("CJK RADICAL REPEAT has no equivalent ideograph: " + radical.body()).isEqualTo(400);
        assertThat(errorCode(radical)).isEqualTo("InvalidParameterValue.SignNameFormat");

        ApiClient.Response compatibility = client.post("/v1/signatures", company("\uF900山科技"));
        assertThat(compatibility.status()).as(compatibility.body()).isEqualTo(201);
        assertThat(map(compatibility.json().get("signature")).get("name")).isEqualTo("\u8C48山科技");
        assertThat(client.post("/v1/signatures", company("\u8C48山科技")).status()).isEqualTo(409);

        ApiClient.Response fullWidth = client.post("/v1/signatures",
                company("\uFF21\uFF43\uFF4D\uFF45\u3000\uFF23\uFF4C\uFF4F\uFF55\uFF44"));
        assertThat(fullWidth.status()).as(fullWidth.body()).isEqualTo(201);
        String id = (String) map(fullWidth.json().get("signature")).get("signatureId");
        assertThat(client.get("/v1/signatures/" + id).json().get("name")).isEqualTo("Acme Cloud");
        assertThat(client.post("/v1/signatures", company("acme cloud")).status()).isEqualTo(409);
        ApiClient.Response renamed = client.put("/v1/signatures/" + id, company("\u2F08民银行"));
        assertThat(renamed.status()).as("renaming onto a name that renders alike").isEqualTo(409);

        for (String generic : List.of("測試", "驗證碼", "系統通知", "簡訊服務")) {
            ApiClient.Response refused = client.post("/v1/signatures", company(generic));
            assertThat(refused.status()).as(generic).isEqualTo(400);
            assertThat(errorCode(refused)).as(generic).isEqualTo("FailedOperation.NonIdentifiableSignature");
        }
        assertThat(all(client)).extracting(s -> s.get("name"))
                .containsExactlyInAnyOrder("人民银行", "\u8C48山科技", "Acme Cloud");
        assertThat(registrySize("render-alike")).isEqualTo(3);
    }

    @Test
    void aLoneSurrogateInAnyStringOfABodyIsRefusedAsMalformedOnEveryRouteAndChangesNothing() throws Exception {
        ApiClient client = account("surrogates", "ENTERPRISE");
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "surrogates-ops", "ENTERPRISE", true));
        String id = (String) map(client.post("/v1/signatures", company("Surrogate Labs")).json().get("signature"))
                .get("signatureId");
        Map<String, Object> before = client.get("/v1/signatures/" + id).json();
        String lone = "code \\udc00\\ud800 end"; // JSON escapes of two lone surrogates, reversed
        String application = "{\"name\": \"Surrogate Two\", \"type\": \"COMPANY\", \"purpose\": \"SELF_USE\", "
                + "\"entity\": {\"name\": \"Surrogate Labs Ltd.\"}, \"remark\": \"%s\"}";
        Object[][] cases = {
                {client, "POST", "/v1/signatures", application.formatted(lone), "remark"},
                {client, "POST", "/v1/signatures", "{\"name\": \"Surrogate Two\", \"type\": \"COMPANY\", \"purpose\": \"SELF_USE\", "
                        + "\"entity\": {\"name\": \"Surrogate Labs Ltd.\", \"x\\ud800\": \"y\"}}", "entity"},
                {client, "PUT", "/v1/signatures/" + id, application.formatted("fine").replace("Surrogate Labs Ltd.", lone),
                        "entity.name"},
                {client, "POST", "/v1/signatures/" + id + "/uploads",
                        "{\"kind\": \"BUSINESS_LICENSE\", \"contentType\": \"application/pdf\", \"note\": [\"\\ud800\"]}", "note[0]"},
                {reviewer, "POST", "/v1/reviews/" + id + "/decision",
                        "{\"decision\": \"REJECT\", \"reasons\": [\"OTHER\"], \"comment\": \"" + lone + "\", \"version\": 1}", "comment"},
                {client, "POST", "/v1/sms/send", "{\"phoneNumbers\": [\"13800138000\"], \"sign\": \"Surrogate Labs\", "
                        + "\"content\": \"" + lone + "\"}", "content"},
        };
        for (Object[] c : cases) {
            ApiClient.Response r = ((ApiClient) c[0]).raw((String) c[1], (String) c[2], (String) c[3],
                    "Content-Type", "application/json");
            assertThat(r.status()).as(c[1] + " " + c[2] + ": " + r.body()).isEqualTo(400);
            assertThat(map(r.json().get("error"))).as(c[1] + " " + c[2])
                    .containsEntry("code", "MalformedBody").containsEntry("field", c[4]);
        }
        Thread.sleep(1000); // a decision that slipped through would have been applied by now
        assertThat(all(client)).hasSize(1);
        assertThat(client.get("/v1/signatures/" + id).json()).isEqualTo(before);
    }
}
