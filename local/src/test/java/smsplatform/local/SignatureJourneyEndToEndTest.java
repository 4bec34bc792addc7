package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/**
 * Issue #2, end to end over real HTTP against {@code ./sms-local start}: apply → upload → certificate
 * check → automatic review → reviewer decision → SendSms → delivery to the carrier simulator.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class SignatureJourneyEndToEndTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static Path dataDir;
    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(SignatureJourneyEndToEndTest.class);
        dataDir = stack.dataDir;
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(dataDir, "ops", "ENTERPRISE", true));
    }

    @Test
    void theWholeJourneyFromApplicationToADeliveredMessage() throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(dataDir, "journey", "ENTERPRISE", false));

        ApiClient.Response submitted = applicant.post("/v1/signatures", Map.of(
                "name", "Acme Cloud", "type", "COMPANY", "purpose", "SELF_USE",
                "entity", Map.of("name", "Acme Cloud Computing Co., Ltd.")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        Map<String, Object> signature = map(submitted.json().get("signature"));
        String id = (String) signature.get("signatureId");
        assertThat(signature.get("status")).isEqualTo("AWAITING_DOCUMENTS");
        List<Map<String, Object>> uploads = list(submitted.json().get("uploads"));
        assertThat(uploads).extracting(u -> u.get("kind")).containsExactly(
                "BUSINESS_LICENSE", "ORGANIZATION_CODE_CERTIFICATE", "SOCIAL_CREDIT_CODE_CERTIFICATE");
        assertThat(uploads).allSatisfy(u -> assertThat(u.get("method")).isEqualTo("POST"));

        assertThat(ApiClient.upload(uploads.get(0), "application/pdf", PDF)).isEqualTo(204);

        Map<String, Object> inManualReview = applicant.await("/v1/signatures/" + id,
                s -> "IN_REVIEW".equals(s.get("status")) && "MANUAL".equals(s.get("reviewStage")),
                "the certificate check and the automatic review");
        Map<String, Object> document = list(inManualReview.get("documents")).get(0);
        assertThat(document).containsEntry("kind", "BUSINESS_LICENSE").containsEntry("status", "VALID")
                .containsEntry("contentType", "application/pdf");
        assertThat(((Number) document.get("size")).intValue()).isEqualTo(PDF.length);
        assertThat(list(inManualReview.get("history"))).extracting(h -> h.get("to") + " by " + h.get("actor"))
                .containsExactly("AWAITING_DOCUMENTS by applicant", "IN_REVIEW by certificate-check",
                        "IN_REVIEW by automatic-review");

        Map<String, Object> pending = Journeys.pendingReview(reviewer, "signature", id);
        assertThat(pending.get("accountId")).isEqualTo("journey");
        assertThat(map(pending.get("documentUrls"))).containsKey("BUSINESS_LICENSE");
        ApiClient.Response document1 = reviewer.get((String) map(pending.get("documentUrls")).get("BUSINESS_LICENSE"));
        assertThat(document1.body()).as("the reviewer's presigned GET returns the uploaded bytes")
                .isEqualTo(new String(PDF, StandardCharsets.US_ASCII));

        ApiClient.Response decision = reviewer.post("/v1/reviews/" + id + "/decision",
                Map.of("decision", "APPROVE", "version", inManualReview.get("version")));
        assertThat(decision.status()).as(decision.body()).isEqualTo(202);
        Map<String, Object> approved = applicant.await("/v1/signatures/" + id,
                s -> "APPROVED".equals(s.get("status")), "the reviewer's decision");
        assertThat(list(approved.get("history")).get(3)).containsEntry("from", "IN_REVIEW")
                .containsEntry("to", "APPROVED").containsEntry("actor", "user-ops");

        String template = Journeys.approveCodeTemplate(applicant, reviewer);
        ApiClient.Response sent = applicant.post("/v1/sms/send", Map.of(
                "phoneNumbers", List.of("+86 13800138000".replace(" ", "")), "sign", "Acme Cloud",
                "templateId", template, "templateParams", List.of("424242"), "sessionContext", "journey"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Map<String, Object> status = list(sent.json().get("sendStatuses")).get(0);
        assertThat(status).containsEntry("code", "Ok").containsEntry("phoneNumber", "+8613800138000")
                .containsEntry("isoCode", "CN").containsEntry("sessionContext", "journey");
        String serialNo = (String) status.get("serialNo");
        assertThat(serialNo).isNotBlank();

        Map<String, Object> delivered = applicant.await("/v1/sms/" + serialNo,
                m -> "DELIVERED".equals(m.get("status")), "delivery");
        assertThat(delivered).containsEntry("text", Journeys.codeText("Acme Cloud", "424242"))
                .containsEntry("templateId", template);
        assertThat(list(delivered.get("statusHistory"))).extracting(h -> h.get("status"))
                .as("recorded, handed over, accepted by the carrier, its receipt").containsExactly("QUEUED", "SENT", "SENT", "DELIVERED");

        // Other tests of the shared stack may text this number too: this message arrived, once.
        Map<String, Object> handset = new ApiClient(stack.baseUrl, null).get("/local/handsets/%2B8613800138000").json();
        assertThat(list(handset.get("messages"))).filteredOn(m -> serialNo.equals(m.get("serialNo")))
                .extracting(m -> m.get("text")).containsExactly(Journeys.codeText("Acme Cloud", "424242"));
    }

    @Test
    void seedExampleTwoApprovedSignaturesAndTheSignFieldSelectsOne() throws Exception {
        ApiClient tencent = new ApiClient(stack.baseUrl, Tokens.mint(dataDir, "tencent", "ENTERPRISE", false));
        for (String name : List.of("Tencent Technology", "Tencent Cloud")) {
            approve(tencent, name, "Tencent " + name.substring("Tencent ".length()) + " Co., Ltd.");
        }
        String template = Journeys.approveCodeTemplate(tencent, reviewer);

        ApiClient.Response sent = Journeys.send(tencent, List.of("13900139000"), "Tencent Cloud", template, "5173");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String serialNo = (String) list(sent.json().get("sendStatuses")).get(0).get("serialNo");
        tencent.await("/v1/sms/" + serialNo, m -> "DELIVERED".equals(m.get("status")), "delivery");

        Map<String, Object> handset = new ApiClient(stack.baseUrl, null).get("/local/handsets/%2B8613900139000").json();
        assertThat(list(handset.get("messages"))).extracting(m -> m.get("text"))
                .containsExactly(Journeys.codeText("Tencent Cloud", "5173"));
    }

    @Test
    void aRetriedSendWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndSendsNothingAgain() throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(dataDir, "retrier", "ENTERPRISE", false));
        String template = Journeys.approveSender(applicant, reviewer, "Retry Labs", "Retry Labs Ltd.");
        String body = Json.write(Map.of("phoneNumbers", List.of("13300133000"), "sign", "Retry Labs",
                "templateId", template, "templateParams", List.of("ONCE42")));
        ApiClient.Response first = applicant.raw("POST", "/v1/sms/send", body, "Content-Type", "application/json",
                "Idempotency-Key", "send-42");
        ApiClient.Response retry = applicant.raw("POST", "/v1/sms/send", body, "Content-Type", "application/json",
                "Idempotency-Key", "send-42");
        assertThat(retry.body()).isEqualTo(first.body());
        String serialNo = (String) list(first.json().get("sendStatuses")).get(0).get("serialNo");
        applicant.await("/v1/sms/" + serialNo, m -> "DELIVERED".equals(m.get("status")), "delivery");
        Thread.sleep(1000);
        Map<String, Object> handset = new ApiClient(stack.baseUrl, null).get("/local/handsets/%2B8613300133000").json();
        assertThat(list(handset.get("messages"))).extracting(m -> m.get("text"))
                .containsExactly(Journeys.codeText("Retry Labs", "ONCE42"));
    }

    @Test
    void functionLogsAreStructuredJsonWithRequestAndAccountAndNoSecretsOrDocuments() throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(dataDir, "logged", "ENTERPRISE", false));
        String id = approve(applicant, "Logged Labs", "Logged Labs Ltd.");
        List<String> lines = new ArrayList<>();
        for (String function : List.of("SignaturesApiFunction", "CertificateCheckFunction", "ReviewQueueFunction",
                "ReviewerApiFunction")) {
            for (String line : Files.readAllLines(dataDir.resolve("logs/" + function + ".log"))) {
                if (line.startsWith("{")) {
                    lines.add(line);
                }
            }
        }
        List<Map<String, Object>> entries = lines.stream().map(Json::parseObject).toList();
        assertThat(entries).allSatisfy(e -> assertThat(e).containsKeys("time", "level", "event", "function", "requestId"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("accountId", "logged")
                .containsEntry("route", "GET /v1/signatures/{signatureId}").containsEntry("signatureId", id));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("event", "certificate.recorded")
                .containsEntry("accountId", "logged").containsEntry("signatureId", id));
        assertThat(String.join("\n", lines)).doesNotContain("eyJ").doesNotContain("Bearer").doesNotContain("%PDF");
    }

    static String approve(ApiClient applicant, String name, String entityName) throws Exception {
        return Journeys.approve(applicant, reviewer, name, entityName);
    }
}
