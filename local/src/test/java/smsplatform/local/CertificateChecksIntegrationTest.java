package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.Caller;
import smsplatform.domain.CertificateCheck;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.DocumentProblem;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;
import smsplatform.functions.certificates.CertificateCheckHandler;
import smsplatform.json.Json;
import smsplatform.ports.CertificateStore.PresignedRequest;
import smsplatform.service.CertificateCheckService;
import smsplatform.service.DocumentKeys;
import smsplatform.service.SignatureService;
import smsplatform.support.Digests;
import smsplatform.support.Ids;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue #4: the certificate check's handler, in-process over the real SDK against the emulators.
 * Uploads go through the presigned URLs with plain HTTP; the S3 events are the ones the emulated
 * bucket emitted, delivered (or re-delivered, or reordered) the way S3 may deliver them.
 */
// It reads its handler's log lines from System.out, which it replaces for a moment.
@ResourceLock(AwsBackend.LOCK)
@Execution(ExecutionMode.SAME_THREAD)
class CertificateChecksIntegrationTest {

    static final byte[] PDF = SignatureJourneyEndToEndTest.PDF;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static AwsBackend backend;
    static DynamoSignatureStore store;
    static SignatureService signatures;
    static CertificateCheckHandler handler;
    static String reviewQueue;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(System.getProperty("sms.backend", "embedded").equals("embedded"),
                "needs the embedded S3's notifications");
        backend = AwsBackend.selected();
        store = new DynamoSignatureStore(backend.dynamo, backend.table());
        S3CertificateStore certificates = backend.certificates();
        reviewQueue = backend.queueUrl("ReviewQueue");
        SqsReviewQueue queue = new SqsReviewQueue(backend.sqs, reviewQueue);
        signatures = new SignatureService(store, certificates, queue, Clock.systemUTC(), 50);
        handler = new CertificateCheckHandler(new CertificateCheckService(store, certificates, queue, Clock.systemUTC()),
                backend.bucket());
    }

    @AfterAll
    static void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void drain() throws Exception {
        backend.created.clear();
        backend.sqs.purgeQueue(b -> b.queueUrl(reviewQueue));
    }

    static Caller caller(String account) {
        return new Caller(new AccountId(account), AccountType.ENTERPRISE, "user-" + account, Set.of());
    }

    static SignatureService.Submitted submit(String account, String name, SignatureType type, SignaturePurpose purpose,
                                             Map<String, String> entity) {
        return signatures.submit(caller(account), new SignatureApplication(name, type, purpose, false, entity, null),
                Ids.random(Clock.systemUTC()));
    }

    static SignatureService.Submitted company(String account, String name) {
        return submit(account, name, SignatureType.COMPANY, SignaturePurpose.SELF_USE, Map.of("name", name + " Ltd."));
    }

    static PresignedRequest form(SignatureService.Submitted submitted, DocumentKind kind) {
        return submitted.uploads().stream().filter(u -> u.kind() == kind).findFirst().orElseThrow().request();
    }

    /** Posts the file through the upload form with plain HTTP; returns the notification S3 emitted for it. */
    static S3Emulator.ObjectCreated upload(PresignedRequest form, String contentType, byte[] bytes) throws Exception {
        HttpResponse<String> r = UploadForm.post(form.url(), form.fields(), contentType, bytes);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        return awaitCreated(form.fields().get("key"));
    }

    static boolean exists(String key) {
        return !backend.s3.listObjectsV2(b -> b.bucket(backend.bucket()).prefix(key)).contents().isEmpty();
    }

    /** The next notification for this key (a client retry may have produced an earlier duplicate). */
    static S3Emulator.ObjectCreated awaitCreated(String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            S3Emulator.ObjectCreated created = backend.created.poll(1, TimeUnit.SECONDS);
            if (created != null && created.key().equals(key)) {
                return created;
            }
        }
        throw new AssertionError("no notification for " + key);
    }

    /** The S3Event Lambda would hand the function for these records (Lambda's own deserializer). */
    static S3Event event(S3Emulator.ObjectCreated... records) {
        List<Object> json = Arrays.stream(records).map(r -> (Object) S3EventSource.record(r)).toList();
        return LambdaEventSerializers.serializerFor(S3Event.class, CertificateChecksIntegrationTest.class.getClassLoader())
                .fromJson(Json.write(Map.of("Records", json)));
    }

    static Signature reload(Signature s) {
        return store.find(s.accountId(), s.signatureId()).orElseThrow();
    }

    static List<Message> reviewMessages() {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(backend.sqs.receiveMessage(b -> b.queueUrl(reviewQueue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
        }
        return all;
    }

    @Test
    void aValidPdfIsRecordedWithItsDigestAndStartsTheReviewWithExactlyOneMessageEvenWhenDeliveredTwice() throws Exception {
        SignatureService.Submitted submitted = company("cert-valid", "Valid Docs");
        PresignedRequest form = form(submitted, DocumentKind.BUSINESS_LICENSE);
        assertThat(form.fields().get("key"))
                .startsWith("certificates/cert-valid/" + submitted.signature().signatureId() + "/BUSINESS_LICENSE/up-");
        assertThat(form.expiresAt()).isBetween(Instant.now().plusSeconds(850), Instant.now().plusSeconds(901));
        S3Emulator.ObjectCreated created = upload(form, "application/pdf", PDF);

        assertThat(handler.handleRequest(event(created), null)).isEqualTo("checked 1");
        Signature after = reload(submitted.signature());
        SignatureDocument document = after.documents().get(DocumentKind.BUSINESS_LICENSE);
        assertThat(document.valid()).isTrue();
        assertThat(document.size()).isEqualTo(PDF.length);
        assertThat(document.sha256()).isEqualTo(Digests.sha256Hex(PDF));
        assertThat(after.status()).isEqualTo(SignatureStatus.IN_REVIEW);
        assertThat(document.objectKey()).as("kept as evidence").startsWith("evidence/").endsWith("/" + Digests.sha256Hex(PDF));
        assertThat(backend.certificates().read(document.objectKey())).get().isEqualTo(PDF);
        assertThat(exists(created.key())).as("the upload itself is gone").isFalse();

        handler.handleRequest(event(created), null);
        assertThat(reload(submitted.signature()).version()).as("the duplicate changed nothing").isEqualTo(after.version());
        List<Message> messages = reviewMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).body()).contains(submitted.signature().signatureId().value());
    }

    @Test
    void uploadingAgainThroughAUsedFormInReviewOrAfterApprovalNeverChangesTheCheckedBytes() throws Exception {
        SignatureService.Submitted submitted = company("cert-immutable", "Immutable Docs");
        PresignedRequest form = form(submitted, DocumentKind.BUSINESS_LICENSE);
        handler.handleRequest(event(upload(form, "application/pdf", PDF)), null);
        Signature inReview = reload(submitted.signature());
        SignatureDocument checked = inReview.documents().get(DocumentKind.BUSINESS_LICENSE);
        assertThat(inReview.status()).isEqualTo(SignatureStatus.IN_REVIEW);
        byte[] forged = "%PDF-1.4 <html><script>forged licence</script></html>".getBytes(StandardCharsets.US_ASCII);

        S3Emulator.ObjectCreated whileInReview = upload(form, "application/pdf", forged);
        handler.handleRequest(event(whileInReview), null);
        assertThat(reload(submitted.signature()).documents().get(DocumentKind.BUSINESS_LICENSE)).isEqualTo(checked);
        assertThat(backend.certificates().read(checked.objectKey())).get().isEqualTo(PDF);
        assertThat(exists(whileInReview.key())).as("the new bytes are deleted, never reviewed").isFalse();
        assertThat(backend.s3.listObjectsV2(b -> b.bucket(backend.bucket())
                .prefix(DocumentKeys.evidencePrefix(new AccountId("cert-immutable"), inReview.signatureId()))).contents())
                .as("nothing but the checked bytes is kept").hasSize(1);

        Signature approved = reload(submitted.signature());
        approved.completeAutomaticReview(List.of(), List.of(), Instant.now());
        approved.approve("reviewer", null, Instant.now());
        assertThat(store.save(approved)).isTrue();
        S3Emulator.ObjectCreated afterApproval = upload(form, "application/pdf", forged);
        handler.handleRequest(event(afterApproval), null);
        Signature after = reload(submitted.signature());
        assertThat(after.status()).isEqualTo(SignatureStatus.APPROVED);
        assertThat(after.documents().get(DocumentKind.BUSINESS_LICENSE)).isEqualTo(checked);
        assertThat(Digests.sha256Hex(backend.certificates().read(checked.objectKey()).orElseThrow())).isEqualTo(checked.sha256());
        assertThat(exists(afterApproval.key())).isFalse();
    }

    @Test
    void aSignatureObtainsABoundedNumberOfUploadForms() {
        SignatureService.Submitted submitted = submit("cert-forms", "Forms App", SignatureType.APP,
                SignaturePurpose.SELF_USE, Map.of("name", "Forms App", "appStoreUrl", "https://apps.example/f"));
        int handedOut = submitted.uploads().size();
        for (int i = handedOut; i < SignatureService.MAX_UPLOADS; i++) {
            signatures.newUpload(caller("cert-forms"), submitted.signature().signatureId(),
                    DocumentKind.BUSINESS_LICENSE, "application/pdf", Ids.random(Clock.systemUTC()));
        }
        assertThatThrownBy(() -> signatures.newUpload(caller("cert-forms"), submitted.signature().signatureId(),
                DocumentKind.BUSINESS_LICENSE, "application/pdf", Ids.random(Clock.systemUTC())))
                .hasMessageContaining("at most " + SignatureService.MAX_UPLOADS);
        assertThat(reload(submitted.signature()).version()).as("counting never bumps the version")
                .isEqualTo(submitted.signature().version());
    }

    @Test
    void anOlderUploadsEventArrivingAfterANewerOnesDoesNotReplaceIt() throws Exception {
        SignatureService.Submitted submitted = submit("cert-order", "Order App", SignatureType.APP,
                SignaturePurpose.SELF_USE, Map.of("name", "Order App", "appStoreUrl", "https://apps.example/o"));
        S3Emulator.ObjectCreated older = upload(form(submitted, DocumentKind.BUSINESS_LICENSE), "application/pdf", PNG);
        S3Emulator.ObjectCreated newer = upload(signatures.newUpload(caller("cert-order"),
                submitted.signature().signatureId(), DocumentKind.BUSINESS_LICENSE, "application/pdf",
                Ids.random(Clock.systemUTC())).request(), "application/pdf", PDF);

        handler.handleRequest(event(newer), null);
        handler.handleRequest(event(older), null);
        SignatureDocument kept = reload(submitted.signature()).documents().get(DocumentKind.BUSINESS_LICENSE);
        assertThat(kept.objectKey()).isEqualTo(DocumentKeys.parse(newer.key()).orElseThrow().evidenceKey(Digests.sha256Hex(PDF)));
        assertThat(kept.valid()).isTrue();

        S3Emulator.ObjectCreated newest = upload(signatures.newUpload(caller("cert-order"),
                submitted.signature().signatureId(), DocumentKind.BUSINESS_LICENSE, "application/pdf",
                Ids.random(Clock.systemUTC())).request(), "application/pdf", PNG);
        handler.handleRequest(event(newest), null);
        assertThat(reload(submitted.signature()).documents().get(DocumentKind.BUSINESS_LICENSE).valid())
                .as("a re-upload replaces the kind").isFalse();
        assertThat(exists(kept.objectKey())).as("the replaced document's evidence is deleted").isFalse();
        assertThat(exists(newest.key())).as("an invalid upload is deleted").isFalse();
    }

    @Test
    void everyFormatProblemIsNamed() throws Exception {
        byte[] fiveMiB = Arrays.copyOf(PDF, 5 * 1024 * 1024);
        byte[] fiveMiBPlusOne = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        Object[][] cases = {
                {"application/pdf", PNG, DocumentProblem.ContentTypeMismatch},
                {"application/pdf", elf, DocumentProblem.UnsupportedDocumentFormat},
                {"application/pdf", new byte[0], DocumentProblem.EmptyDocument},
                {"application/pdf", fiveMiB, null},
                {"application/pdf", fiveMiBPlusOne, DocumentProblem.DocumentTooLarge},
                {"application/pdf", "%PD".getBytes(StandardCharsets.US_ASCII), DocumentProblem.UnsupportedDocumentFormat},
                {"image/png", PNG, null},
                {"image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}, null},
        };
        for (int i = 0; i < cases.length; i++) {
            SignatureService.Submitted submitted = company("cert-formats", "Format Case " + i);
            PresignedRequest form = form(submitted, DocumentKind.BUSINESS_LICENSE);
            byte[] bytes = (byte[]) cases[i][1];
            String type = (String) cases[i][0];
            S3Emulator.ObjectCreated created;
            if (bytes.length == 0 || bytes.length > CertificateCheck.MAX_BYTES) {
                HttpResponse<String> refused = UploadForm.post(form.url(), form.fields(), type, bytes);
                assertThat(refused.statusCode()).as("S3 itself refuses case " + i).isEqualTo(400);
                assertThat(refused.body()).contains(bytes.length == 0 ? "EntityTooSmall" : "EntityTooLarge");
                assertThat(exists(form.fields().get("key"))).isFalse();
                // An object of that size arriving by other means is still judged by the check.
                backend.s3.putObject(b -> b.bucket(backend.bucket()).key(form.fields().get("key"))
                        .contentType(type), RequestBody.fromBytes(bytes));
                created = awaitCreated(form.fields().get("key"));
            } else {
                created = upload(form, (String) cases[i][0], bytes);
            }
            handler.handleRequest(event(created), null);
            SignatureDocument document = reload(submitted.signature()).documents().get(DocumentKind.BUSINESS_LICENSE);
            assertThat(document.problem()).as("case " + i).isEqualTo(cases[i][2]);
            assertThat(document.valid()).as("case " + i).isEqualTo(cases[i][2] == null);
        }
    }

    @Test
    void eventsForKeysOfNoSignatureOrOfAnotherAccountOrKindChangeNothingAndAreLogged() throws Exception {
        SignatureService.Submitted submitted = company("cert-foreign", "Foreign Keys");
        Signature before = reload(submitted.signature());
        String id = before.signatureId().value();
        List<String> keys = List.of(
                "certificates/cert-foreign/" + id + "/../BUSINESS_LICENSE/up-0000000000000000000000000a",
                "certificates/someone-else/" + id + "/BUSINESS_LICENSE/up-0000000000000000000000000a",
                "certificates/cert-foreign/" + id + "/ICP_FILING_SCREENSHOT/up-0000000000000000000000000a",
                "certificates/cert-foreign/" + id + "/NOT_A_KIND/up-0000000000000000000000000a",
                "elsewhere/cert-foreign/" + id + "/BUSINESS_LICENSE/up-0000000000000000000000000a",
                "certificates/cert-foreign/" + id + "/BUSINESS_LICENSE/my licence 营业执照.pdf");
        PrintStream original = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            for (String key : keys) {
                S3Emulator.ObjectCreated created;
                if (key.contains("/../")) {
                    // The emulator's filesystem store cannot hold such a key; S3 can, and would notify this.
                    created = new S3Emulator.ObjectCreated("ObjectCreated:Put", backend.bucket(), key, PDF.length, "e", "01");
                } else {
                    backend.s3.putObject(b -> b.bucket(backend.bucket()).key(key).contentType("application/pdf"),
                            RequestBody.fromBytes(PDF));
                    created = awaitCreated(key);
                }
                assertThat(handler.handleRequest(event(created), null)).isEqualTo("checked 1");
            }
        } finally {
            System.setOut(original);
        }
        Signature after = reload(submitted.signature());
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.documents()).isEmpty();
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertThat(logged.lines().filter(l -> l.contains("\"certificate.ignored\""))).hasSize(keys.size());
        assertThat(logged).contains("my licence 营业执照.pdf").doesNotContain("%PDF");
        assertThat(keys.stream().filter(k -> k.startsWith("certificates/") && !k.contains("/../")).filter(
                CertificateChecksIntegrationTest::exists)).as("objects of no signature or kind are deleted").isEmpty();
    }

    @Test
    void aDeletedSignaturesEventsChangeNothingAndItsObjectsAreDeleted() throws Exception {
        SignatureService.Submitted submitted = company("cert-deleted", "Deleted Later");
        S3Emulator.ObjectCreated created = upload(form(submitted, DocumentKind.BUSINESS_LICENSE), "application/pdf", PDF);
        signatures.delete(caller("cert-deleted"), submitted.signature().signatureId());
        assertThat(backend.s3.listObjectsV2(b -> b.bucket(backend.bucket())
                .prefix("certificates/cert-deleted/")).contents()).isEmpty();
        assertThat(handler.handleRequest(event(created), null)).isEqualTo("checked 1");
        assertThat(store.find(new AccountId("cert-deleted"), submitted.signature().signatureId())).isEmpty();
    }

    @Test
    void whenTheLastTwoDocumentsArriveAtOnceExactlyOneReviewMessageIsSent() throws Exception {
        for (int round = 0; round < 8; round++) {
            SignatureService.Submitted submitted = submit("cert-race", "Race Client " + round, SignatureType.COMPANY,
                    SignaturePurpose.FOR_OTHERS, Map.of("name", "Race Client " + round + " Ltd."));
            S3Emulator.ObjectCreated letter = upload(form(submitted, DocumentKind.AUTHORIZATION_LETTER), "application/pdf", PDF);
            S3Emulator.ObjectCreated licence = upload(form(submitted, DocumentKind.BUSINESS_LICENSE), "application/pdf", PDF);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> handler.handleRequest(event(letter), null));
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> handler.handleRequest(event(licence), null));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
            Signature after = reload(submitted.signature());
            assertThat(after.status()).isEqualTo(SignatureStatus.IN_REVIEW);
            assertThat(after.documents()).hasSize(2);
        }
        List<Message> messages = reviewMessages();
        assertThat(messages).as("one per signature, none twice").hasSize(8);
        assertThat(messages.stream().map(m -> Json.parseObject(m.body()).get("signatureId")).distinct()).hasSize(8);
    }

    @Test
    void aBatchWithAFailingRecordStillChecksTheOthersThenFailsForRetry() throws Exception {
        SignatureService.Submitted first = company("cert-batch", "Batch One");
        SignatureService.Submitted second = company("cert-batch", "Batch Two");
        S3Emulator.ObjectCreated a = upload(form(first, DocumentKind.BUSINESS_LICENSE), "application/pdf", PDF);
        S3Emulator.ObjectCreated b = upload(form(second, DocumentKind.BUSINESS_LICENSE), "application/pdf", PDF);
        S3Emulator.ObjectCreated broken = new S3Emulator.ObjectCreated("ObjectCreated:Put", backend.bucket(),
                "certificates/%ZZ", 1, "x", "FF");
        Map<String, Object> brokenRecord = S3EventSource.record(broken);
        Map<String, Object> s3 = new LinkedHashMap<>(ApiClient.map(brokenRecord.get("s3")));
        Map<String, Object> object = new LinkedHashMap<>(ApiClient.map(s3.get("object")));
        object.put("key", "certificates/%ZZ");
        s3.put("object", object);
        Map<String, Object> record = new LinkedHashMap<>(brokenRecord);
        record.put("s3", s3);
        S3Event event = LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader())
                .fromJson(Json.write(Map.of("Records", List.of(S3EventSource.record(a), record, S3EventSource.record(b)))));

        assertThatThrownBy(() -> handler.handleRequest(event, null)).hasMessageContaining("1 of 3 records failed");
        assertThat(reload(first.signature()).status()).isEqualTo(SignatureStatus.IN_REVIEW);
        assertThat(reload(second.signature()).status()).isEqualTo(SignatureStatus.IN_REVIEW);
    }

    @Test
    void keysWithSpacesPlusSignsAndUnicodeAreDecodedAsS3EncodesThem() throws Exception {
        String key = "certificates/cert-keys/a b+c/营业执照.pdf";
        backend.s3.putObject(b -> b.bucket(backend.bucket()).key(key).contentType("application/pdf"), RequestBody.fromBytes(PDF));
        S3Event event = event(awaitCreated(key));
        assertThat(event.getRecords().get(0).getS3().getObject().getKey())
                .isEqualTo("certificates/cert-keys/a+b%2Bc/%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf");
        PrintStream original = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            handler.handleRequest(event, null);
        } finally {
            System.setOut(original);
        }
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"key\":\"" + key + "\"");
    }
}
