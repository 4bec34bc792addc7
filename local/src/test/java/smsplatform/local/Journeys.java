package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

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

    /** Waits for the manual stage, posts the decision for the current version, waits for {@code outcome}. */
    static String decide(ApiClient applicant, ApiClient reviewer, String id, Map<String, Object> decision,
                         String outcome) throws Exception {
        Map<String, Object> ready = applicant.await("/v1/signatures/" + id,
                s -> "MANUAL".equals(s.get("reviewStage")), "manual review of " + id);
        Map<String, Object> body = new java.util.LinkedHashMap<>(decision);
        body.put("version", ready.get("version"));
        ApiClient.Response posted = reviewer.post("/v1/reviews/" + id + "/decision", body);
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        applicant.await("/v1/signatures/" + id, s -> outcome.equals(s.get("status")), outcome + " of " + id);
        return id;
    }
}
