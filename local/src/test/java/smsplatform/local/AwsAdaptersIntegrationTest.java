package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoIdempotencyStore;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoSendCounters;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsOutboundQueue;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.Failure;
import smsplatform.domain.SendLimits;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureType;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TemplateId;
import smsplatform.ports.CertificateStore;
import smsplatform.ports.IdempotencyStore;
import smsplatform.ports.OutboundQueue;
import smsplatform.ports.SendCounters;
import smsplatform.support.Ids;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The AWS adapters through the real SDK against the selected backend (embedded emulators by default;
 * {@code -Dsms.backend=localstack} for LocalStack in Docker).
 */
@ResourceLock(AwsBackend.LOCK)
class AwsAdaptersIntegrationTest extends OnAwsBackend {

    static DynamoSignatureStore signatures;

    @BeforeAll
    static void start() throws Exception {
        signatures = new DynamoSignatureStore(backend.dynamo, backend.table());
    }

    static Signature signature(String account, String name) {
        return Signature.apply(new AccountId(account), AccountType.ENTERPRISE, new SignatureId(Ids.random(Clock.systemUTC()).next(SignatureId.PREFIX)),
                new SignatureApplication(name, SignatureType.COMPANY, SignaturePurpose.SELF_USE, false,
                        Map.of("name", name + " Ltd."), null), Instant.now());
    }

    @Test
    void signaturesAreStoredFoundListedVersionedAndDeleted() {
        Signature s = signature("store-a", "Store Alpha");
        signatures.create(s, 50);
        assertThat(s.version()).isEqualTo(1);
        assertThat(signatures.find(new AccountId("store-a"), s.signatureId())).get().extracting(Signature::name).isEqualTo("Store Alpha");
        assertThat(signatures.find(new AccountId("someone-else"), s.signatureId())).isEmpty();
        assertThat(signatures.findById(s.signatureId())).get().extracting(Signature::accountId).isEqualTo(new AccountId("store-a"));
        assertThat(signatures.findByName(new AccountId("store-a"), false, "store alpha")).isPresent();
        assertThat(signatures.findByName(new AccountId("store-a"), true, "store alpha")).isEmpty();

        Signature stale = signatures.find(new AccountId("store-a"), s.signatureId()).orElseThrow();
        assertThat(signatures.save(s)).isTrue();
        assertThat(signatures.save(stale)).as("a write from an older version is refused").isFalse();

        Signature second = signature("store-a", "Store Beta");
        signatures.create(second, 50);
        assertThat(signatures.list(new AccountId("store-a"), null, 10, null).items()).extracting(Signature::signatureId)
                .containsExactly(second.signatureId(), s.signatureId());
        var firstPage = signatures.list(new AccountId("store-a"), null, 1, null);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThat(signatures.list(new AccountId("store-a"), null, 1, firstPage.nextToken()).items())
                .extracting(Signature::signatureId).containsExactly(s.signatureId());

        signatures.delete(s);
        assertThat(signatures.find(new AccountId("store-a"), s.signatureId())).isEmpty();
        signatures.create(signature("store-a", "Store Alpha"), 50);
    }

    @Test
    void namesAreUniquePerAccountIgnoringCase() {
        signatures.create(signature("names", "Unique Name"), 50);
        assertThatThrownBy(() -> signatures.create(signature("names", "UNIQUE NAME"), 50))
                .isInstanceOf(Failure.class).extracting("code").isEqualTo("InvalidParameterValue.SignExistAndUnapproved");
        signatures.create(signature("other-account", "Unique Name"), 50);
        Signature international = Signature.apply(new AccountId("names"), AccountType.ENTERPRISE, new SignatureId(Ids.random(Clock.systemUTC()).next(SignatureId.PREFIX)),
                new SignatureApplication("Unique Name", SignatureType.COMPANY, SignaturePurpose.SELF_USE, true,
                        Map.of("name", "Unique Name Inc."), null), Instant.now());
        signatures.create(international, 50);
        assertThat(signatures.findByName(new AccountId("names"), true, "Unique Name")).get().extracting(Signature::signatureId)
                .isEqualTo(international.signatureId());
    }

    @Test
    void theQuotaHoldsUnderConcurrentSubmissions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Signature s = signature("quota", "Quota Test " + i);
                attempts.add(pool.submit(() -> {
                    try {
                        signatures.create(s, 5);
                        return true;
                    } catch (Failure f) {
                        assertThat(f.code()).isEqualTo("FailedOperation.SignNumberLimit");
                        return false;
                    }
                }));
            }
            long created = 0;
            for (Future<Boolean> f : attempts) {
                created += f.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(5);
            assertThat(signatures.list(new AccountId("quota"), null, 100, null).items()).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCreationInterruptedBetweenItsTwoWritesConvergesOnRetryAndLeaksNoSlot() {
        DynamoSignatureStore crashing = new DynamoSignatureStore(backend.dynamo, backend.table(),
                DynamoSignatureStore.DEFAULT_GRACE, () -> {
                    throw new IllegalStateException("injected crash after the quota write");
                });
        Signature s = signature("converge", "Converge Labs");
        assertThatThrownBy(() -> crashing.create(s, 2)).hasMessageContaining("injected crash");
        assertThat(signatures.find(new AccountId("converge"), s.signatureId())).isEmpty();
        assertThat(registrySize("converge")).isEqualTo(1);

        Signature retried = signatures.create(s, 2);
        assertThat(retried.signatureId()).isEqualTo(s.signatureId());
        assertThat(signatures.create(s, 2).version()).as("a second retry changes nothing").isEqualTo(1);
        assertThat(registrySize("converge")).isEqualTo(1);
        signatures.create(signature("converge", "Converge Two"), 2);
        assertThatThrownBy(() -> signatures.create(signature("converge", "Converge Three"), 2))
                .isInstanceOf(Failure.class).extracting("code").isEqualTo("FailedOperation.SignNumberLimit");
    }

    @Test
    void theRepairPathFreesTheSlotAndNameOfACreationThatNeverFinished() {
        DynamoSignatureStore crashing = new DynamoSignatureStore(backend.dynamo, backend.table(), Duration.ZERO, () -> {
            throw new IllegalStateException("injected crash");
        });
        DynamoSignatureStore store = new DynamoSignatureStore(backend.dynamo, backend.table(), Duration.ZERO, () -> { });
        Signature abandoned = signature("repair", "Abandoned Name");
        assertThatThrownBy(() -> crashing.create(abandoned, 1)).hasMessageContaining("injected crash");
        assertThat(registrySize("repair")).isEqualTo(1);

        assertThat(store.repair(new AccountId("repair"))).isEqualTo(1);
        assertThat(registrySize("repair")).isZero();
        assertThatThrownBy(() -> crashing.create(signature("repair", "Abandoned Again"), 1));
        Signature next = store.create(signature("repair", "Abandoned Name"), 1);
        assertThat(store.find(new AccountId("repair"), next.signatureId())).as("a full quota repairs itself, and the name is free")
                .isPresent();
        assertThat(registrySize("repair")).isEqualTo(1);
    }

    @Test
    void idempotencyRecordsReplayRefuseReuseAndExpireAfter24Hours() {
        var store = new DynamoIdempotencyStore(backend.dynamo, backend.table());
        Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(store.begin(new AccountId("idem"), "k1", "hash-a", "seed-1", t0))
                .isEqualTo(new IdempotencyStore.Run("seed-1"));
        assertThatThrownBy(() -> store.begin(new AccountId("idem"), "k1", "hash-a", "seed-2", t0.plusSeconds(1)))
                .isInstanceOf(Failure.class).extracting("code").isEqualTo("IdempotencyKeyInProgress");
        assertThat(store.begin(new AccountId("idem"), "k1", "hash-a", "seed-3", t0.plusSeconds(61)))
                .as("after the lease, a retry runs again with the first seed")
                .isEqualTo(new IdempotencyStore.Run("seed-1"));
        store.complete(new AccountId("idem"), "k1", 201, "{\"first\":true}", t0.plusSeconds(62));
        assertThat(store.begin(new AccountId("idem"), "k1", "hash-a", "seed-4", t0.plusSeconds(63)))
                .isEqualTo(new IdempotencyStore.Replay(201, "{\"first\":true}"));
        assertThatThrownBy(() -> store.begin(new AccountId("idem"), "k1", "hash-b", "seed-5", t0.plusSeconds(64)))
                .isInstanceOf(Failure.class).extracting("code").isEqualTo("IdempotencyKeyReuse");
        assertThat(store.begin(new AccountId("idem"), "k1", "hash-b", "seed-6", t0.plus(Duration.ofHours(24)).plusSeconds(1)))
                .as("expired keys are free again, whatever the TTL sweeper did")
                .isEqualTo(new IdempotencyStore.Run("seed-6"));
        assertThat(store.begin(new AccountId("other-account"), "k1", "hash-z", "seed-7", t0))
                .as("keys are per account").isEqualTo(new IdempotencyStore.Run("seed-7"));
    }

    static int registrySize(String account) {
        var item = backend.dynamo.getItem(b -> b.tableName(backend.table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#" + account),
                "sk", AttributeValue.fromS("REGISTRY")))).item();
        return item == null || !item.containsKey("ids") ? 0 : item.get("ids").ss().size();
    }

    @Test
    void certificatesUploadThroughAFormThatS3ChecksAndAreReadBackKeptAndDeleted() throws Exception {
        S3CertificateStore store = backend.certificates();
        String key = "certificates/acme/sig-x/BUSINESS_LICENSE/up-1";
        byte[] pdf = SignatureJourneyEndToEndTest.PDF;
        CertificateStore.PresignedRequest form = store.presignUpload(key, "application/pdf", 64, Duration.ofMinutes(5));
        assertThat(form.method()).isEqualTo("POST");
        assertThat(form.fields()).containsEntry("key", key).containsKeys("policy", "x-amz-signature");

        HttpResponse<String> uploaded = UploadForm.post(form.url(), form.fields(), "application/pdf", pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(204);
        assertThat(store.head(key)).get().satisfies(o -> {
            assertThat(o.size()).isEqualTo(pdf.length);
            assertThat(o.contentType()).isEqualTo("application/pdf");
        });
        assertThat(store.read(key)).get().isEqualTo(pdf);
        HttpResponse<byte[]> downloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(store.presignDownload(key, Duration.ofMinutes(5)).url())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.body()).isEqualTo(pdf);

        String other = key + "b";
        CertificateStore.PresignedRequest png = store.presignUpload(other, "image/png", 64, Duration.ofMinutes(5));
        Map<String, String> otherType = new LinkedHashMap<>(png.fields());
        otherType.put("Content-Type", "application/pdf");
        assertThat(UploadForm.post(png.url(), otherType, "application/pdf", pdf).statusCode())
                .as("the content type is part of the policy").isEqualTo(403);
        Map<String, String> elsewhere = new LinkedHashMap<>(png.fields());
        elsewhere.put("key", "evidence/acme/sig-x/BUSINESS_LICENSE/up-1/forged");
        assertThat(UploadForm.post(png.url(), elsewhere, "image/png", pdf).statusCode())
                .as("the key is part of the policy").isEqualTo(403);
        HttpResponse<String> tooLarge = UploadForm.post(png.url(), png.fields(), "image/png", new byte[65]);
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("EntityTooLarge");
        assertThat(UploadForm.post(png.url(), png.fields(), "image/png", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(store.head(other)).as("nothing refused was stored").isEmpty();

        store.keepEvidence("evidence/acme/sig-x/BUSINESS_LICENSE/up-1/abc", pdf, "application/pdf");
        assertThat(store.read("evidence/acme/sig-x/BUSINESS_LICENSE/up-1/abc")).get().isEqualTo(pdf);
        store.delete(key);
        assertThat(store.read(key)).isEmpty();
        store.deletePrefix("evidence/acme/sig-x/");
        assertThat(store.head("evidence/acme/sig-x/BUSINESS_LICENSE/up-1/abc")).isEmpty();
    }

    @Test
    void deliveriesAreQueuedInBatchesAndMessagesChangeStatusOnlyFromTheExpectedOne() {
        String queue = backend.queueUrl("OutboundQueue");
        List<OutboundQueue.Delivery> deliveries = IntStream.range(0, 25)
                .mapToObj(i -> new OutboundQueue.Delivery(new AccountId("batch"), TestSerials.of("batch-" + i))).toList();
        new SqsOutboundQueue(backend.sqs, queue).send(deliveries);
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < 20 && received.size() < 25; i++) {
            received.addAll(backend.sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
        }
        assertThat(received).hasSize(25);

        DynamoMessageStore messages = new DynamoMessageStore(backend.dynamo, backend.table());
        Instant now = Instant.now();
        List<SmsMessage> queued = IntStream.range(0, 30).mapToObj(i -> new SmsMessage(new AccountId("batch"), TestSerials.of("batch-" + i),
                "+8613800000000", "Sign", new TemplateId(TemplateId.PREFIX + "0".repeat(26)), "text", 1, SmsMessage.Status.QUEUED,
                List.of(new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, now, null)), now)).toList();
        assertThat(messages.recordQueued(queued, true)).hasSize(30);
        assertThat(messages.find(new AccountId("batch"), TestSerials.of("batch-29"))).isPresent();
        SmsMessage.StatusChange sent = new SmsMessage.StatusChange(SmsMessage.Status.SENT, now, null);
        assertThat(messages.transition(new AccountId("batch"), TestSerials.of("batch-3"), SmsMessage.Status.QUEUED, sent)).isTrue();
        assertThat(messages.transition(new AccountId("batch"), TestSerials.of("batch-3"), SmsMessage.Status.QUEUED, sent)).isFalse();
        assertThat(messages.find(new AccountId("batch"), TestSerials.of("batch-3")).orElseThrow().statusHistory())
                .extracting(SmsMessage.StatusChange::status).containsExactly(SmsMessage.Status.QUEUED, SmsMessage.Status.SENT);
        assertThat(messages.find(new AccountId("other"), TestSerials.of("batch-3"))).isEmpty();

        // The same request re-run after a crash: nothing is overwritten, and only what is still QUEUED goes out again.
        assertThat(messages.recordQueued(queued, true)).hasSize(29).doesNotContain(TestSerials.of("batch-3"));
        assertThat(messages.find(new AccountId("batch"), TestSerials.of("batch-3")).orElseThrow().status()).isEqualTo(SmsMessage.Status.SENT);
        // New serial numbers (no Idempotency-Key) go in batches of 25: 60 messages, 3 batches, all stored.
        List<SmsMessage> fresh = IntStream.range(0, 60).mapToObj(i -> new SmsMessage(new AccountId("batch"), TestSerials.of("new-" + i),
                "+8613800000000", "Sign", new TemplateId(TemplateId.PREFIX + "0".repeat(26)), "text", 1, SmsMessage.Status.QUEUED,
                List.of(new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, now, null)), now)).toList();
        assertThat(messages.recordQueued(fresh, false)).hasSize(60).containsAll(fresh.stream().map(SmsMessage::serialNo).toList());
        assertThat(fresh).allSatisfy(m -> assertThat(messages.find(new AccountId("batch"), m.serialNo()).orElseThrow().status())
                .isEqualTo(SmsMessage.Status.QUEUED));
    }

    @Test
    void aRequestsSendsAcrossTwoReadBatchesAreAdmittedRepeatsInOrderAndRetriesNotCountedTwice() {
        DynamoSendCounters counters = new DynamoSendCounters(backend.dynamo, backend.table());
        Instant now = Instant.now();
        // 150 numbers (two BatchGetItem chunks); the first ten got the same text 5 s ago.
        List<String> numbers = IntStream.range(0, 150).mapToObj(i -> String.format("+86137%08d", i)).toList();
        assertThat(counters.admitAll(new AccountId("limits"), numbers.subList(0, 10).stream()
                .map(n -> new SendCounters.Send(n, TestSerials.of("earlier-" + n))).toList(), "digest", now.minusSeconds(5)))
                .containsOnly(SendLimits.Verdict.OK);
        List<SendCounters.Send> sends = new ArrayList<>();
        numbers.forEach(n -> sends.add(new SendCounters.Send(n, TestSerials.of("sends-" + n))));
        sends.add(new SendCounters.Send(numbers.get(20), TestSerials.of("batch-repeat"))); // the same number twice in one request

        List<SendLimits.Verdict> codes = counters.admitAll(new AccountId("limits"), sends, "digest", now);
        assertThat(codes.subList(0, 10)).containsOnly(SendLimits.Verdict.THIRTY_SECONDS);
        assertThat(codes.subList(10, 150)).containsOnly(SendLimits.Verdict.OK);
        assertThat(codes.get(150)).as("the repeat comes after its first send").isEqualTo(SendLimits.Verdict.THIRTY_SECONDS);

        // The same request again (a retry): the admitted sends are found by serial number, nothing counts twice.
        assertThat(counters.admitAll(new AccountId("limits"), sends, "digest", now)).isEqualTo(codes);
        assertThat(backend.dynamo.getItem(b -> b.tableName(backend.table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#limits"),
                "sk", AttributeValue.fromS("RATE#" + numbers.get(30)))))
                .item().get("sends").l()).as("one send recorded for that number").hasSize(1);
    }
}
