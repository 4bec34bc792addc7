package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The customer FAQ of the service we replace (seed/sms-signature-faq.txt), statement by statement,
 * each driven through the HTTP API of the local stack.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class SeedFaqEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(SeedFaqEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "faq-ops", "ENTERPRISE", true));
    }

    static ApiClient account(String id, String type) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, id, type, false));
    }

    static Map<String, Object> application(String name, String type, String purpose, Map<String, String> entity) {
        return Map.of("name", name, "type", type, "purpose", purpose, "entity", entity);
    }

    static Map<String, Object> company(String name) {
        return application(name, "COMPANY", "SELF_USE", Map.of("name", name + " Co., Ltd."));
    }

    static String code(ApiClient.Response response) {
        return (String) map(response.json().get("error")).get("code");
    }

    static List<List<String>> requiredDocuments(ApiClient.Response submitted) {
        return list(map(submitted.json().get("signature")).get("requiredDocuments")).stream()
                .map(g -> ((List<?>) g.get("anyOf")).stream().map(String::valueOf).toList()).toList();
    }

    @Test
    void youCannotUseTestAabbVerificationCodeOrNotificationAsASignature() throws Exception {
        ApiClient client = account("faq-generic", "ENTERPRISE");
        for (String name : List.of("test", "aabb", "verification code", "notification")) {
            ApiClient.Response response = client.post("/v1/signatures", company(name));
            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(code(response)).as(name).isEqualTo("FailedOperation.NonIdentifiableSignature");
        }
        assertThat(list(client.get("/v1/signatures").json().get("signatures"))).isEmpty();
        assertThat(stack.registrySize("faq-generic")).as("no quota used").isZero();
        assertThat(client.post("/v1/signatures", company("Acme Widgets")).status())
                .as("the name of your organisation is the recommended signature").isEqualTo(201);
    }

    @Test
    void youCanApplyForUpTo50SmsSignatures() throws Exception {
        ApiClient client = account("faq-fifty", "ENTERPRISE");
        for (int i = 0; i < 50; i++) {
            assertThat(client.post("/v1/signatures", company("Acme Shop " + i)).status()).isEqualTo(201);
        }
        ApiClient.Response fiftyFirst = client.post("/v1/signatures", company("Acme Shop 50"));
        assertThat(fiftyFirst.status()).isEqualTo(400);
        assertThat(code(fiftyFirst)).isEqualTo("FailedOperation.SignNumberLimit");
    }

    @Test
    void eachSignatureNeedsItsOwnQualificationCertificates() throws Exception {
        ApiClient client = account("faq-own-certs", "ENTERPRISE");
        Map<String, Object> a = client.post("/v1/signatures", company("Acme North")).json();
        Map<String, Object> b = client.post("/v1/signatures", company("Acme South")).json();
        ApiClient.upload(list(a.get("uploads")).get(0), "application/pdf", SignatureJourneyEndToEndTest.PDF);
        String idA = (String) map(a.get("signature")).get("signatureId");
        String idB = (String) map(b.get("signature")).get("signatureId");
        client.await("/v1/signatures/" + idA, s -> "IN_REVIEW".equals(s.get("status")), "review of the first");
        assertThat(client.get("/v1/signatures/" + idB).json().get("status"))
                .as("the second signature's documents are its own").isEqualTo("AWAITING_DOCUMENTS");
    }

    @Test
    void approvedSignaturesCannotBeModified() throws Exception {
        ApiClient client = account("faq-approved", "ENTERPRISE");
        String id = Journeys.approve(client, reviewer, "Acme Approved", "Acme Approved Co., Ltd.");
        ApiClient.Response modified = client.put("/v1/signatures/" + id, company("Acme Approved"));
        assertThat(modified.status()).isEqualTo(409);
        assertThat(code(modified)).isEqualTo("InvalidParameterValue.SignAlreadyPassedCheck");
    }

    @Test
    void createMultipleSignaturesAndSelectOneWithTheSignFieldWhenSending() throws Exception {
        ApiClient client = account("faq-select", "ENTERPRISE");
        Journeys.approve(client, reviewer, "Tencent Technology", "Tencent Technology (Shenzhen) Co., Ltd.");
        Journeys.approve(client, reviewer, "Tencent Cloud", "Tencent Cloud Computing (Beijing) Co., Ltd.");
        client.post("/v1/signatures", company("Tencent Pending"));
        String template = Journeys.approveCodeTemplate(client, reviewer);

        ApiClient.Response sent = Journeys.send(client, List.of("13500135000"), "Tencent Cloud", template, "2024");
        String serial = (String) list(sent.json().get("sendStatuses")).get(0).get("serialNo");
        assertThat(client.await("/v1/sms/" + serial, m -> "DELIVERED".equals(m.get("status")), "delivery").get("text"))
                .isEqualTo(Journeys.codeText("Tencent Cloud", "2024"));

        for (String sign : List.of("Tencent Pending", "tencent cloud", "Tencent", "")) {
            ApiClient.Response refused = Journeys.send(client, List.of("13500135000"), sign, template, "9999");
            assertThat(refused.status()).as(sign).isEqualTo(400);
            assertThat(code(refused)).as("never a fallback to another signature: " + sign)
                    .isEqualTo("FailedOperation.SignatureIncorrectOrUnapproved");
        }
    }

    @Test
    void anUnreleasedProductAppliesWithTheOrganisationNameUntilItIsReleased() throws Exception {
        ApiClient client = account("faq-beta", "ENTERPRISE");
        ApiClient.Response app = client.post("/v1/signatures", application("Nebula Beta", "APP", "SELF_USE",
                Map.of("name", "Nebula Beta", "appStoreUrl", "https://apps.example/nebula")));
        String appId = (String) map(app.json().get("signature")).get("signatureId");
        for (Map<String, Object> upload : list(app.json().get("uploads"))) {
            if (List.of("BUSINESS_LICENSE", "APP_STORE_BACKEND_SCREENSHOT").contains(upload.get("kind"))) {
                ApiClient.upload(upload, "application/pdf", SignatureJourneyEndToEndTest.PDF);
            }
        }
        Journeys.decide(client, reviewer, appId, Map.of("decision", "REJECT", "reasons", List.of("UNRELEASED_PRODUCT")),
                "REJECTED");
        Map<String, Object> rejection = map(client.get("/v1/signatures/" + appId).json().get("rejection"));
        assertThat(list(rejection.get("reasons")).get(0)).containsEntry("code", "UNRELEASED_PRODUCT");
        assertThat(String.valueOf(list(rejection.get("reasons")).get(0).get("message"))).contains("organisation's name");

        String orgId = Journeys.approve(client, reviewer, "Nebula Labs", "Nebula Labs Co., Ltd.");
        assertThat(client.get("/v1/signatures/" + orgId).json().get("status")).isEqualTo("APPROVED");
    }

    @Test
    void aSignatureWithoutItsCertificatesOrWithAMismatchedOneDoesNotPassTheReview() throws Exception {
        ApiClient client = account("faq-mismatch", "ENTERPRISE");
        ApiClient.Response submitted = client.post("/v1/signatures", company("Acme Mismatch"));
        String id = (String) map(submitted.json().get("signature")).get("signatureId");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        ApiClient.upload(list(submitted.json().get("uploads")).get(0), "application/pdf", png);
        Map<String, Object> judged = client.await("/v1/signatures/" + id, s -> !list(s.get("documents")).isEmpty(),
                "the certificate check");
        Map<String, Object> document = list(judged.get("documents")).get(0);
        assertThat(document).containsEntry("status", "INVALID");
        assertThat(map(document.get("problem"))).containsEntry("code", "ContentTypeMismatch");
        assertThat(judged.get("status")).isEqualTo("AWAITING_DOCUMENTS");
    }

    @Test
    void eachSignatureTypeAsksForItsOwnEntityDetails() throws Exception {
        ApiClient client = account("faq-fill", "ENTERPRISE");
        Object[][] cases = {
                {"APP", Map.of("name", "Acme App"), "entity.appStoreUrl"},
                {"WEBSITE", Map.of("name", "Acme Site", "domain", "acme.example"), "entity.icpNumber"},
                {"WECHAT_OFFICIAL_ACCOUNT", Map.of("name", "Acme"), "entity.wechatAccountName"},
                {"WECHAT_MINI_PROGRAM", Map.of("name", "Acme"), "entity.wechatAccountName"},
                {"TRADEMARK", Map.of("name", "Acme"), "entity.trademarkNumber"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            ApiClient.Response response = client.post("/v1/signatures",
                    application("Acme Fill", (String) c[0], "SELF_USE", (Map<String, String>) c[1]));
            assertThat(response.status()).as((String) c[0]).isEqualTo(400);
            assertThat(map(response.json().get("error"))).as((String) c[0]).containsEntry("field", c[2]);
        }
    }

    @Test
    void individualUsersCanApplyWithTheCertificatesOfTheirAppWebsiteOrWechatAccount() throws Exception {
        ApiClient me = account("faq-individual", "INDIVIDUAL");
        Object[][] cases = {
                {"APP", Map.of("name", "Pocket Notes", "appStoreUrl", "https://apps.example/pn"), "APP_STORE_BACKEND_SCREENSHOT"},
                {"WEBSITE", Map.of("name", "Pocket Blog", "domain", "pocket.example", "icpNumber", "ICP 12345678"), "ICP_FILING_SCREENSHOT"},
                {"WECHAT_OFFICIAL_ACCOUNT", Map.of("name", "Pocket WX", "wechatAccountName", "pocketwx"), "WECHAT_ACCOUNT_SCREENSHOT"},
                {"WECHAT_MINI_PROGRAM", Map.of("name", "Pocket Mini", "wechatAccountName", "pocketmini"), "WECHAT_ACCOUNT_SCREENSHOT"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, String> entity = (Map<String, String>) c[1];
            ApiClient.Response submitted = me.post("/v1/signatures", application(entity.get("name"), (String) c[0],
                    "SELF_USE", entity));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            assertThat(requiredDocuments(submitted)).as((String) c[0]).containsExactly(List.of((String) c[2]));
            assertThat(list(submitted.json().get("uploads"))).extracting(u -> u.get("kind")).containsExactly(c[2]);
        }
        for (String type : List.of("COMPANY", "TRADEMARK", "GOVERNMENT")) {
            ApiClient.Response refused = me.post("/v1/signatures", application("Pocket Corp", type, "SELF_USE",
                    Map.of("name", "Pocket Corp", "trademarkNumber", "1")));
            assertThat(refused.status()).as(type).isEqualTo(400);
            assertThat(code(refused)).as(type).isEqualTo("FailedOperation.NotEnterpriseCertification");
        }
    }

    @Test
    void onlyEnterprisesAndPublicInstitutionsMayApplyForOthersWithAnAuthorisationLetter() throws Exception {
        ApiClient individual = account("faq-others-individual", "INDIVIDUAL");
        ApiClient.Response refused = individual.post("/v1/signatures", application("Client App", "APP", "FOR_OTHERS",
                Map.of("name", "Client App", "appStoreUrl", "https://apps.example/c")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(code(refused)).isEqualTo("FailedOperation.NotEnterpriseCertification");

        List<String> entity = List.of("BUSINESS_LICENSE", "ORGANIZATION_CODE_CERTIFICATE", "SOCIAL_CREDIT_CODE_CERTIFICATE");
        List<String> government = List.of("ORGANIZATION_CODE_CERTIFICATE", "SOCIAL_CREDIT_CODE_CERTIFICATE",
                "PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE");
        for (String accountType : List.of("ENTERPRISE", "PUBLIC_INSTITUTION")) {
            ApiClient agency = account("faq-others-" + accountType.toLowerCase(), accountType);
            ApiClient.Response company = agency.post("/v1/signatures", application("Client Corp", "COMPANY", "FOR_OTHERS",
                    Map.of("name", "Client Corp Ltd.")));
            assertThat(requiredDocuments(company)).containsExactly(List.of("AUTHORIZATION_LETTER"), entity);
            ApiClient.Response gov = agency.post("/v1/signatures", application("City Bureau", "GOVERNMENT", "FOR_OTHERS",
                    Map.of("name", "City Bureau")));
            assertThat(requiredDocuments(gov)).containsExactly(List.of("AUTHORIZATION_LETTER"), government);

            // The owner's certificate alone is not enough: without the letter it never reaches the review.
            String id = (String) map(company.json().get("signature")).get("signatureId");
            Map<String, Object> licence = list(company.json().get("uploads")).stream()
                    .filter(u -> "BUSINESS_LICENSE".equals(u.get("kind"))).findFirst().orElseThrow();
            ApiClient.upload(licence, "application/pdf", SignatureJourneyEndToEndTest.PDF);
            agency.await("/v1/signatures/" + id, s -> !list(s.get("documents")).isEmpty(), "the certificate check");
            assertThat(agency.get("/v1/signatures/" + id).json().get("status")).isEqualTo("AWAITING_DOCUMENTS");
            Map<String, Object> letter = list(company.json().get("uploads")).stream()
                    .filter(u -> "AUTHORIZATION_LETTER".equals(u.get("kind"))).findFirst().orElseThrow();
            ApiClient.upload(letter, "application/pdf", SignatureJourneyEndToEndTest.PDF);
            agency.await("/v1/signatures/" + id, s -> "IN_REVIEW".equals(s.get("status")), "review with the letter");
        }
    }

    @Test
    void aSignatureForGlobalSmsIsOptionalAndNeedsNoDocuments() throws Exception {
        ApiClient client = account("faq-global", "ENTERPRISE");
        String template = Journeys.approveTemplate(client, reviewer, Map.of("name", "Shipping", "type", "NOTIFICATION",
                "international", true, "content", "Your order {1} has shipped.", "variables", List.of(Map.of("kind", "DIGITS")),
                "remark", "Shipping notices for our shop"));
        ApiClient.Response sent = client.post("/v1/sms/send", Map.of("phoneNumbers", List.of("+14155550123"),
                "templateId", template, "templateParams", List.of("1001")));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Map<String, Object> status = list(sent.json().get("sendStatuses")).get(0);
        assertThat(status).containsEntry("code", "Ok").containsEntry("isoCode", "US");
        assertThat(client.await("/v1/sms/" + status.get("serialNo"), m -> "DELIVERED".equals(m.get("status")),
                "delivery").get("text")).isEqualTo("Your order 1001 has shipped.");

        ApiClient.Response global = client.post("/v1/signatures", Map.of("name", "Acme Global", "type", "COMPANY",
                "purpose", "SELF_USE", "international", true, "entity", Map.of("name", "Acme Global Inc.")));
        assertThat(global.status()).isEqualTo(201);
        assertThat(list(global.json().get("uploads"))).isEmpty();
        String id = (String) map(global.json().get("signature")).get("signatureId");
        Journeys.decide(client, reviewer, id, Map.of("decision", "APPROVE"), "APPROVED");
        ApiClient.Response signed = Journeys.send(client, List.of("+14155550123"), "Acme Global", template, "1002");
        Object serial = list(signed.json().get("sendStatuses")).get(0).get("serialNo");
        assertThat(client.await("/v1/sms/" + serial, m -> "DELIVERED".equals(m.get("status")), "delivery").get("text"))
                .isEqualTo("[Acme Global] Your order 1002 has shipped.");
        ApiClient.Response domesticWithGlobal = Journeys.send(client, List.of("13800138000"), "Acme Global", template, "1");
        assertThat(code(domesticWithGlobal)).isEqualTo("FailedOperation.SignatureIncorrectOrUnapproved");
    }
}
