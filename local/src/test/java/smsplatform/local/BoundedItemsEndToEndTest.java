package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** DESIGN §4 and §5.5 on the running stack: no sequence of requests grows an item or a page past AWS's limits. */
@ResourceLock(SharedStack.APPLICATIONS)
class BoundedItemsEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(BoundedItemsEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "bounds-ops", "ENTERPRISE", true));
    }

    static ApiClient account(String id) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, id, "ENTERPRISE", false));
    }

    static Map<String, Object> company(String name, String entityName) {
        return Map.of("name", name, "type", "COMPANY", "purpose", "SELF_USE", "entity", Map.of("name", entityName));
    }

    static String inManualReview(ApiClient applicant, Map<String, Object> application) throws Exception {
        ApiClient.Response submitted = applicant.post("/v1/signatures", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = (String) map(submitted.json().get("signature")).get("signatureId");
        assertThat(ApiClient.upload(list(submitted.json().get("uploads")).get(0), "application/pdf",
                SignatureJourneyEndToEndTest.PDF)).isEqualTo(204);
        applicant.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")), "manual review");
        return id;
    }

    @Test
    void hundredsOfStaleDecisionsKeepTheHistoryBoundedAndNeitherFailTheApplicantNorReachTheDeadLetterQueue()
            throws Exception {
        ApiClient applicant = account("bounds-stale");
        String id = inManualReview(applicant, company("Stale Storm", "Stale Storm Ltd."));
        int decisions = 120;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> posted = new ArrayList<>();
            for (int i = 0; i < decisions; i++) {
                long staleVersion = 1_000_000L + i;
                Map<String, Object> decision = i % 2 == 0
                        ? Map.of("decision", "APPROVE", "version", staleVersion)
                        : Map.of("decision", "REJECT", "version", staleVersion, "comment", "x".repeat(1000),
                                "reasons", List.of("OTHER", "DOCUMENT_MISMATCH", "OTHER", "DOCUMENT_MISMATCH"));
                posted.add(pool.submit(() -> reviewer.post("/v1/reviews/" + id + "/decision", decision).status()));
            }
            for (Future<Integer> status : posted) {
                assertThat(status.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Object> settled = applicant.await("/v1/signatures/" + id, s -> recordedDiscards(s) == decisions,
                "every stale decision recorded");
        assertThat(list(settled.get("history"))).hasSizeLessThanOrEqualTo(50);
        assertThat(settled.get("status")).isEqualTo("IN_REVIEW");

        ApiClient.Response modified = applicant.put("/v1/signatures/" + id, company("Stale Storm", "Stale Storm Ltd."));
        assertThat(modified.status()).as(modified.body()).isEqualTo(200);
        assertThat(deadLetters("ReviewDLQ")).noneMatch(m -> m.body().contains(id));
    }

    /** Discarded decisions the signature accounts for: those in its history and those the bound omitted. */
    static int recordedDiscards(Map<String, Object> signature) {
        long kept = list(signature.get("history")).stream().filter(h -> Boolean.TRUE.equals(h.get("discarded"))).count();
        Object omitted = signature.get("historyOmitted");
        return (int) kept + (omitted == null ? 0 : ((Number) omitted).intValue());
    }

    static List<Message> deadLetters(String queue) throws Exception {
        String endpoint = (String) Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json"))).get("sqs");
        try (SqsClient sqs = LocalStack.client(SqsClient.builder(), endpoint).build()) {
            String url = endpoint + "/000000000000/" + queue;
            List<Message> all = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                all.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .visibilityTimeout(0)).messages());
            }
            return all;
        }
    }

    @Test
    void entityFieldsAreTheOnesOfTheSignatureTypeAndAtMost256Characters() throws Exception {
        ApiClient applicant = account("bounds-entity");
        ApiClient.Response tooLong = applicant.post("/v1/signatures", company("Long Entity", "x".repeat(257)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(map(tooLong.json().get("error"))).containsEntry("code", "InvalidParameterValue.EntityField")
                .containsEntry("field", "entity.name");
        ApiClient.Response unknown = applicant.post("/v1/signatures", Map.of("name", "Odd Entity", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Odd Entity Ltd.", "padding", "y".repeat(200))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(map(unknown.json().get("error"))).containsEntry("field", "entity.padding");
        assertThat(list(applicant.get("/v1/signatures").json().get("signatures"))).isEmpty();
        assertThat(applicant.post("/v1/signatures", company("Long Entity", "x".repeat(256))).status()).isEqualTo(201);
    }
}
