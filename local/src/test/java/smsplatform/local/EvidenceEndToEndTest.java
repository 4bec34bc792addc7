package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;
import smsplatform.support.Digests;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * DESIGN §5.5 on the running stack: the bytes a check judged are the bytes a reviewer sees and an
 * approval rests on, whatever the applicant uploads afterwards; S3 itself bounds every upload.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class EvidenceEndToEndTest {

    static final byte[] PDF = SignatureJourneyEndToEndTest.PDF;
    static final byte[] FORGED = "%PDF-1.4\n<html><body>Not the licence that was checked</body></html>"
            .getBytes(StandardCharsets.US_ASCII);

    static RunningStack stack;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(EvidenceEndToEndTest.class);
        String endpoint = (String) Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json"))).get("s3");
        s3 = LocalStack.client(S3Client.builder(), endpoint).forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    static String bucket(Map<String, Object> upload) {
        String path = URI.create((String) upload.get("url")).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Waits until the certificate check has consumed (deleted) the upload at {@code key}. */
    static void awaitConsumed(String bucket, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!s3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents().isEmpty()) {
            assertThat(System.nanoTime()).as("upload " + key + " still there").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void reusingAnUploadFormInReviewOrAfterApprovalNeverChangesWhatTheReviewerSeesAndTheNewBytesAreDeleted()
            throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "evidence-e2e", "ENTERPRISE", false));
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "evidence-ops", "ENTERPRISE", true));
        ApiClient.Response submitted = applicant.post("/v1/signatures", Map.of("name", "Evidence Kept", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Evidence Kept Ltd.")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = (String) map(submitted.json().get("signature")).get("signatureId");
        Map<String, Object> form = list(submitted.json().get("uploads")).get(0);
        String key = (String) map(form.get("fields")).get("key");
        assertThat(ApiClient.upload(form, "application/pdf", PDF)).isEqualTo(204);
        applicant.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")), "manual review");

        assertThat(ApiClient.upload(form, "application/pdf", FORGED)).as("the form is still valid").isEqualTo(204);
        awaitConsumed(bucket(form), key);
        String link = reviewLink(reviewer, id);
        HttpResponse<byte[]> seen = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(Digests.sha256Hex(seen.body())).as("the reviewer sees the checked bytes").isEqualTo(Digests.sha256Hex(PDF));
        assertThat(document(applicant, id)).containsEntry("sha256", Digests.sha256Hex(PDF));

        Journeys.decide(applicant, reviewer, id, Map.of("decision", "APPROVE"), "APPROVED");
        assertThat(ApiClient.upload(form, "application/pdf", FORGED)).isEqualTo(204);
        awaitConsumed(bucket(form), key);
        assertThat(document(applicant, id)).containsEntry("sha256", Digests.sha256Hex(PDF));
        List<S3Object> kept = s3.listObjectsV2(b -> b.bucket(bucket(form)).prefix("evidence/evidence-e2e/" + id + "/"))
                .contents();
        assertThat(kept).as("only the checked bytes are kept").hasSize(1);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket(form)).key(kept.get(0).key())).asByteArray()).isEqualTo(PDF);
    }

    @Test
    void s3RefusesA60MiBUploadAndKeepsNothing() throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "evidence-big", "ENTERPRISE", false));
        ApiClient.Response submitted = applicant.post("/v1/signatures", Map.of("name", "Large Upload", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Large Upload Ltd.")));
        Map<String, Object> form = list(submitted.json().get("uploads")).get(0);
        byte[] huge = new byte[60 * 1024 * 1024];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        HttpResponse<String> refused = UploadForm.post(form, "application/pdf", huge);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String key = (String) map(form.get("fields")).get("key");
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket(form)).prefix(key)).contents()).isEmpty();
        assertThat(applicant.get("/v1/signatures/" + map(submitted.json().get("signature")).get("signatureId")).json()
                .get("documents")).asList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> document(ApiClient applicant, String id) throws Exception {
        return list(applicant.get("/v1/signatures/" + id).json().get("documents")).get(0);
    }

    static String reviewLink(ApiClient reviewer, String id) throws Exception {
        return (String) map(Journeys.pendingReview(reviewer, "signature", id).get("documentUrls")).get("BUSINESS_LICENSE");
    }
}
