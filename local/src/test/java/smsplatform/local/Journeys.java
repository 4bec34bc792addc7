package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Steps of the product's real path that several end-to-end tests take. */
final class Journeys {

    private Journeys() {}

    /** Applies for a COMPANY signature, uploads a licence, has the reviewer approve it; returns its id. */
    static String approve(ApiClient applicant, ApiClient reviewer, String name, String entityName) throws Exception {
        ApiClient.Response submitted = applicant.post("/v1/signatures", Map.of(
                "name", name, "type", "COMPANY", "purpose", "SELF_USE", "entity", Map.of("name", entityName)));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = (String) map(submitted.json().get("signature")).get("signatureId");
        assertThat(ApiClient.upload(list(submitted.json().get("uploads")).get(0), "application/pdf",
                SignatureJourneyEndToEndTest.PDF)).isEqualTo(204);
        return decide(applicant, reviewer, id, Map.of("decision", "APPROVE"), "APPROVED");
    }

    /** The verification-code template most tests send with: one CODE variable. */
    static final String CODE_TEMPLATE = "Your verification code is {1}, valid for 5 minutes.";

    /** Applies for a domestic VERIFICATION_CODE template ({@link #CODE_TEMPLATE}), has it approved; returns its id. */
    static String approveCodeTemplate(ApiClient applicant, ApiClient reviewer) throws Exception {
        return approveTemplate(applicant, reviewer, Map.of("name", "Login code", "type", "VERIFICATION_CODE",
                "content", CODE_TEMPLATE, "variables", List.of(Map.of("kind", "CODE")),
                "remark", "Sign-in verification codes for our app"));
    }

    /** An approved signature {@code sign} and an approved {@link #CODE_TEMPLATE}; returns the template's id. */
    static String approveSender(ApiClient applicant, ApiClient reviewer, String sign, String entityName) throws Exception {
        approve(applicant, reviewer, sign, entityName);
        return approveCodeTemplate(applicant, reviewer);
    }

    /** What a handset receives for {@link #CODE_TEMPLATE} sent with {@code code} under {@code sign}. */
    static String codeText(String sign, String code) {
        return "【" + sign + "】" + CODE_TEMPLATE.replace("{1}", code);
    }

    /** Applies for a template ({@code POST /v1/templates} body), has the reviewer approve it; returns its id. */
    static String approveTemplate(ApiClient applicant, ApiClient reviewer, Map<String, Object> template) throws Exception {
        ApiClient.Response submitted = applicant.post("/v1/templates", template);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = (String) submitted.json().get("templateId");
        return decide(applicant, reviewer, "/v1/templates/" + id, id, Map.of("decision", "APPROVE"), "APPROVED");
    }

    /** A send with a template: {@code {"phoneNumbers", "sign", "templateId", "templateParams"}}. */
    static ApiClient.Response send(ApiClient client, Object numbers, String sign, String templateId, String... params)
            throws Exception {
        return client.post("/v1/sms/send", Map.of("phoneNumbers", numbers, "sign", sign, "templateId", templateId,
                "templateParams", List.of(params)));
    }

    /**
     * The reviewer queue's entry for application {@code id} ({@code kind}: "signature" or "template"),
     * paging through the whole queue: the shared stack's queue holds every test's pending applications.
     */
    static Map<String, Object> pendingReview(ApiClient reviewer, String kind, String id) throws Exception {
        String token = null;
        do {
            ApiClient.Response response = reviewer.get("/v1/reviews?kind=" + kind + "&limit=100"
                    + (token == null ? "" : "&nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            for (Map<String, Object> review : list(response.json().get("reviews"))) {
                Map<String, Object> application = map(review.get(kind));
                if (id.equals(application.get(kind + "Id"))) {
                    return review;
                }
            }
            token = (String) response.json().get("nextToken");
        } while (token != null);
        throw new AssertionError(id + " is not in the reviewers' queue");
    }

    /** Waits for the manual stage, posts the decision for the current version, waits for {@code outcome}. */
    static String decide(ApiClient applicant, ApiClient reviewer, String id, Map<String, Object> decision,
                         String outcome) throws Exception {
        return decide(applicant, reviewer, "/v1/signatures/" + id, id, decision, outcome);
    }

    /** The same for any application, read at {@code path}. */
    static String decide(ApiClient applicant, ApiClient reviewer, String path, String id, Map<String, Object> decision,
                         String outcome) throws Exception {
        Map<String, Object> ready = applicant.await(path,
                s -> "MANUAL".equals(s.get("reviewStage")), "manual review of " + id);
        Map<String, Object> body = new LinkedHashMap<>(decision);
        body.put("version", ready.get("version"));
        ApiClient.Response posted = reviewer.post("/v1/reviews/" + id + "/decision", body);
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        applicant.await(path, s -> outcome.equals(s.get("status")), outcome + " of " + id);
        return id;
    }
}
