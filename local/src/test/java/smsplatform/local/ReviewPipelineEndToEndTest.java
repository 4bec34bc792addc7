package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Issue #5 on the local stack: automatic review, the reviewer's queue, decisions, resubmission, review results. */
@ResourceLock(SharedStack.MESSAGES)
class ReviewPipelineEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(ReviewPipelineEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "pipeline-ops", "ENTERPRISE", true));
    }

    static ApiClient account(String id) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, id, "ENTERPRISE", false));
    }

    /** The review results published for the signature (through the JVM's one reader of the results queue). */
    static List<Map<String, Object>> results(String signatureId, int atLeast) throws Exception {
        return ReviewResultsQueue.of(stack, "signatureId", signatureId, atLeast);
    }

    static Map<String, Object> company(String name) {
        return Map.of("name", name, "type", "COMPANY", "purpose", "SELF_USE", "entity", Map.of("name", name + " Ltd."));
    }

    static String submitWithLicence(ApiClient client, Map<String, Object> application) throws Exception {
        ApiClient.Response submitted = client.post("/v1/signatures", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        ApiClient.upload(list(submitted.json().get("uploads")).get(0), "application/pdf", SignatureJourneyEndToEndTest.PDF);
        return (String) map(submitted.json().get("signature")).get("signatureId");
    }

    @Test
    void rejectedThenModifiedThenReReviewedAndApprovedKeepsBothRoundsAndAnnouncesEachOutcomeOnce() throws Exception {
        ApiClient client = account("pipeline-resubmit");
        String id = submitWithLicence(client, company("Second Chance"));
        Journeys.decide(client, reviewer, id, Map.of("decision", "REJECT", "reasons", List.of("OTHER", "DOCUMENT_UNREADABLE"),
                "comment", "The licence scan is blurred"), "REJECTED");
        Map<String, Object> rejected = client.get("/v1/signatures/" + id).json();
        assertThat(map(rejected.get("rejection"))).containsEntry("comment", "The licence scan is blurred");

        ApiClient.Response modified = client.put("/v1/signatures/" + id, company("Second Chance"));
        assertThat(modified.status()).isEqualTo(200);
        assertThat(modified.json()).doesNotContainKey("rejection");
        Journeys.decide(client, reviewer, id, Map.of("decision", "APPROVE"), "APPROVED");

        List<Map<String, Object>> history = list(client.get("/v1/signatures/" + id).json().get("history"));
        assertThat(history).extracting(h -> h.get("from") + ">" + h.get("to") + " by " + h.get("actor")).containsExactly(
                "null>AWAITING_DOCUMENTS by applicant",
                "AWAITING_DOCUMENTS>IN_REVIEW by certificate-check",
                "IN_REVIEW>IN_REVIEW by automatic-review",
                "IN_REVIEW>REJECTED by user-pipeline-ops",
                "REJECTED>AWAITING_DOCUMENTS by applicant",
                "AWAITING_DOCUMENTS>IN_REVIEW by applicant",
                "IN_REVIEW>IN_REVIEW by automatic-review",
                "IN_REVIEW>APPROVED by user-pipeline-ops");
        assertThat(list(history.get(3).get("reasons"))).extracting(r -> r.get("code"))
                .containsExactly("OTHER", "DOCUMENT_UNREADABLE");

        List<Map<String, Object>> results = results(id, 2);
        assertThat(results).extracting(r -> r.get("status")).containsExactly("REJECTED", "APPROVED");
        assertThat(results.get(0)).containsEntry("accountId", "pipeline-resubmit").containsEntry("name", "Second Chance")
                .containsKey("at");
        assertThat(list(results.get(0).get("reasons"))).extracting(r -> r.get("code")).containsExactly("OTHER", "DOCUMENT_UNREADABLE");
    }

    @Test
    void blockingFindingsRejectAtOnceAndAdvisoryOnesWaitForTheReviewer() throws Exception {
        ApiClient client = account("pipeline-auto");
        String casino = submitWithLicence(client, company("Lucky Casino"));
        Map<String, Object> rejected = client.await("/v1/signatures/" + casino, s -> "REJECTED".equals(s.get("status")),
                "the automatic rejection");
        assertThat(list(map(rejected.get("rejection")).get("reasons"))).extracting(r -> r.get("code"))
                .containsExactly("PROHIBITED_CONTENT");
        assertThat(list(rejected.get("findings"))).extracting(f -> f.get("severity")).contains("BLOCKING");
        assertThat(results(casino, 1)).extracting(r -> r.get("status")).containsExactly("REJECTED");

        String unrelated = submitWithLicence(client, Map.of("name", "Blue Whale", "type", "COMPANY", "purpose", "SELF_USE",
                "entity", Map.of("name", "Acme Trading Co., Ltd.")));
        Map<String, Object> manual = client.await("/v1/signatures/" + unrelated, s -> "MANUAL".equals(s.get("reviewStage")),
                "manual review");
        assertThat(list(manual.get("findings"))).extracting(f -> f.get("code") + "/" + f.get("severity"))
                .containsExactly("NAME_MISMATCH_ENTITY/ADVISORY");
        Map<String, Object> listed = Journeys.pendingReview(reviewer, "signature", unrelated);
        assertThat(list(map(listed.get("signature")).get("findings"))).hasSize(1);
    }

    @Test
    void theReviewersQueueIsOldestFirstAndPaginated() throws Exception {
        ApiClient client = account("pipeline-queue");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = submitWithLicence(client, company("Queue Order " + i));
            client.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")), "manual review");
            ids.add(id);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> page = reviewer.get("/v1/reviews?kind=signature&limit=2" + (token == null ? "" : "&nextToken=" + token)).json();
            list(page.get("reviews")).forEach(r -> seen.add((String) map(r.get("signature")).get("signatureId")));
            token = (String) page.get("nextToken");
            pages++;
        } while (token != null && pages < 100);
        assertThat(seen.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);
        assertThat(reviewer.get("/v1/reviews?nextToken=garbage").status()).isEqualTo(400);
    }

    @Test
    void decisionsAreValidatedAndADuplicateDecisionIsAppliedOnce() throws Exception {
        ApiClient client = account("pipeline-dupes");
        String id = submitWithLicence(client, company("Twice Decided"));
        Map<String, Object> manual = client.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")),
                "manual review");
        Object version = manual.get("version");
        ApiClient.Response noReason = reviewer.post("/v1/reviews/" + id + "/decision",
                Map.of("decision", "REJECT", "version", version));
        assertThat(noReason.status()).isEqualTo(400);
        ApiClient.Response otherWithoutComment = reviewer.post("/v1/reviews/" + id + "/decision",
                Map.of("decision", "REJECT", "reasons", List.of("OTHER"), "version", version));
        assertThat(otherWithoutComment.status()).isEqualTo(400);
        assertThat(client.post("/v1/reviews/" + id + "/decision", Map.of("decision", "APPROVE", "version", version)).status())
                .as("without the reviewer scope").isEqualTo(403);

        for (int i = 0; i < 3; i++) {
            assertThat(reviewer.post("/v1/reviews/" + id + "/decision", Map.of("decision", "APPROVE", "version", version))
                    .status()).isEqualTo(202);
        }
        client.await("/v1/signatures/" + id, s -> "APPROVED".equals(s.get("status")), "approval");
        Thread.sleep(2000);
        List<Map<String, Object>> history = list(client.get("/v1/signatures/" + id).json().get("history"));
        assertThat(history.stream().filter(h -> "APPROVED".equals(h.get("to")))).hasSize(1);
        assertThat(results(id, 1)).hasSize(1);
    }

    @Test
    void aReviewerCannotDecideOnTheirOwnAccountsApplicationWhichStaysUnchangedForAReviewerOfAnotherAccount()
            throws Exception {
        ApiClient client = account("pipeline-self");
        ApiClient sameAccountReviewer = new ApiClient(stack.baseUrl,
                Tokens.mint(stack.dataDir, "pipeline-self", "ENTERPRISE", true));
        String id = submitWithLicence(client, company("Own Verdict"));
        Map<String, Object> manual = client.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")),
                "manual review");
        assertThat(sameAccountReviewer.get("/v1/reviews?limit=100").status()).as("listing the queue is not deciding")
                .isEqualTo(200);
        for (Map<String, Object> decision : List.<Map<String, Object>>of(
                Map.of("decision", "APPROVE", "version", manual.get("version")),
                Map.of("decision", "REJECT", "reasons", List.of("DOCUMENT_UNREADABLE"), "version", manual.get("version")))) {
            ApiClient.Response refused = sameAccountReviewer.post("/v1/reviews/" + id + "/decision", decision);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(map(refused.json().get("error"))).containsEntry("code", "AuthFailure.SelfReview");
        }
        Thread.sleep(2000); // an enqueued decision would have been applied (or discarded and recorded) by now
        assertThat(client.get("/v1/signatures/" + id).json()).as("nothing was enqueued").isEqualTo(manual);

        Journeys.decide(client, reviewer, id, Map.of("decision", "APPROVE"), "APPROVED");
        assertThat(list(client.get("/v1/signatures/" + id).json().get("history"))).extracting(h -> h.get("actor"))
                .doesNotContain("user-pipeline-self").contains("user-pipeline-ops");
    }
}
