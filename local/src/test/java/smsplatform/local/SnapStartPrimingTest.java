package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoCallbackStore;
import smsplatform.aws.DynamoIdempotencyStore;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoOptOuts;
import smsplatform.aws.DynamoReplies;
import smsplatform.aws.DynamoSendCounters;
import smsplatform.aws.DynamoSentMessages;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoStatistics;
import smsplatform.aws.DynamoTemplateStore;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsOutboundQueue;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.domain.callbacks.CallbackUrlPolicy;
import smsplatform.functions.review.ReviewerApiHandler;
import smsplatform.functions.signatures.SignaturesApiHandler;
import smsplatform.functions.sms.SendSmsHandler;
import smsplatform.http.ApiHandler;
import smsplatform.phone.LibPhoneNumberPlan;
import smsplatform.service.CallbackService;
import smsplatform.service.OptOutService;
import smsplatform.service.PullService;
import smsplatform.service.SendSmsService;
import smsplatform.service.SignatureService;
import smsplatform.service.TemplateService;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue #7: the CRaC beforeCheckpoint priming SnapStart runs before its snapshot goes through each
 * HTTP handler's whole path (the statuses prove the requests reached the table) and stores nothing:
 * the table and every queue are the same before and after. Handlers built in-process over the real
 * SDK against the emulators.
 */
@ResourceLock(AwsBackend.LOCK)
class SnapStartPrimingTest {

    static final LibPhoneNumberPlan PLAN = new LibPhoneNumberPlan();
    static AwsBackend backend;
    static DynamoSignatureStore store;

    @BeforeAll
    static void start() throws Exception {
        backend = AwsBackend.selected();
        store = new DynamoSignatureStore(backend.dynamo, backend.table());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    static ApiHandler api(String function) {
        return new ApiHandler(function, new DynamoIdempotencyStore(backend.dynamo, backend.table()), Clock.systemUTC());
    }

    static S3CertificateStore certificates() {
        return backend.certificates();
    }

    @Test
    void signaturesApiPrimingListsLooksUpAndIsRefusedWithoutStoringAnything() {
        SqsReviewQueue reviewQueue = new SqsReviewQueue(backend.sqs, backend.queueUrl("ReviewQueue"));
        SignaturesApiHandler handler = new SignaturesApiHandler(new SignatureService(store, certificates(),
                reviewQueue, Clock.systemUTC(), 50),
                new TemplateService(new DynamoTemplateStore(backend.dynamo, backend.table()), reviewQueue,
                        Clock.systemUTC(), 100),
                new CallbackService(new DynamoCallbackStore(backend.dynamo, backend.table()), new CallbackUrlPolicy(false),
                        Clock.systemUTC()),
                api("signatures-api"));
        assertThat(unchanged(handler::prime)).containsExactly(200, 404, 400);
    }

    @Test
    void sendSmsPrimingIsRefusedForItsSignWithoutStoringOrQueueingAnything() {
        SendSmsHandler handler = new SendSmsHandler(new SendSmsService(store,
                new DynamoTemplateStore(backend.dynamo, backend.table()),
                new DynamoMessageStore(backend.dynamo, backend.table()),
                new SqsOutboundQueue(backend.sqs, backend.queueUrl("OutboundQueue")),
                new DynamoSendCounters(backend.dynamo, backend.table()), new DynamoOptOuts(backend.dynamo, backend.table()),
                new DynamoStatistics(backend.dynamo, backend.table()), PLAN, Clock.systemUTC()),
                new PullService(new DynamoSentMessages(backend.dynamo, backend.table()),
                        new DynamoStatistics(backend.dynamo, backend.table()),
                        new DynamoReplies(backend.dynamo, backend.table()), PLAN, Clock.systemUTC()),
                new OptOutService(new DynamoOptOuts(backend.dynamo, backend.table()), PLAN, Clock.systemUTC()), PLAN,
                api("send-sms"));
        assertThat(unchanged(handler::prime)).containsExactly(400, 404);
    }

    @Test
    void reviewerApiPrimingListsTheQueueAndIsRefusedWithoutDecidingAnything() {
        ReviewerApiHandler handler = new ReviewerApiHandler(backend.reviewer(backend.table()), api("reviewer-api"));
        assertThat(unchanged(handler::prime)).containsExactly(200, 400);
    }

    /** Runs the priming and checks that the table's items and every queue's messages are exactly as before. */
    private static List<Integer> unchanged(Supplier<List<Integer>> priming) {
        List<Map<String, AttributeValue>> itemsBefore = items();
        Map<String, String> queuesBefore = queues();
        List<Integer> statuses = priming.get();
        assertThat(items()).isEqualTo(itemsBefore);
        assertThat(queues()).isEqualTo(queuesBefore);
        return statuses;
    }

    private static List<Map<String, AttributeValue>> items() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        backend.dynamo.scanPaginator(b -> b.tableName(backend.table()).consistentRead(true)).items().forEach(items::add);
        items.sort((a, b) -> (a.get("pk").s() + a.get("sk").s()).compareTo(b.get("pk").s() + b.get("sk").s()));
        return items;
    }

    private static Map<String, String> queues() {
        Map<String, String> counts = new TreeMap<>();
        for (String url : backend.sqs.listQueues().queueUrls()) {
            Map<QueueAttributeName, String> a = backend.sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            counts.put(url, a.toString());
        }
        return counts;
    }
}
