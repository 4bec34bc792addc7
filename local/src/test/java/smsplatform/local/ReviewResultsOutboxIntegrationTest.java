package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.SqsReviewResults;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;
import smsplatform.ports.ReviewMessage;
import smsplatform.ports.ReviewResults;
import smsplatform.service.ReviewProcessor;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A crash between applying a decision and announcing it: the decision is applied once, and the
 * redelivered queue message announces it, once.
 */
@ResourceLock(AwsBackend.LOCK)
class ReviewResultsOutboxIntegrationTest extends OnAwsBackend {

    static DynamoSignatureStore store;
    static String resultsQueue;

    @BeforeAll
    static void start() throws Exception {
        store = new DynamoSignatureStore(backend.dynamo, backend.table());
        resultsQueue = backend.queueUrl("sms-local-review-results.fifo");
    }

    ReviewProcessor service(ReviewResults results) {
        return backend.processor(backend.table(), results);
    }

    @Test
    void aDecisionInterruptedBeforeItsAnnouncementIsAnnouncedOnceOnRedelivery() throws Exception {
        Signature s = Signature.apply(new AccountId("outbox"), AccountType.ENTERPRISE, new SignatureId("sig-00000000000000000000000abc"),
                new SignatureApplication("Outbox Labs", SignatureType.COMPANY, SignaturePurpose.SELF_USE, false,
                        Map.of("name", "Outbox Labs Ltd."), null), Instant.now());
        s.recordDocument(new SignatureDocument(DocumentKind.BUSINESS_LICENSE, true, "application/pdf", 1, "00",
                Instant.now(), null, "k", "01"), Instant.now());
        s.completeAutomaticReview(List.of(), List.of(), Instant.now());
        store.create(s, 50);

        SqsReviewResults queue = new SqsReviewResults(backend.sqs, resultsQueue);
        AtomicInteger attempts = new AtomicInteger();
        ReviewResults crashingOnce = result -> {
            if (attempts.getAndIncrement() == 0) {
                throw new IllegalStateException("injected crash before the announcement");
            }
            queue.publish(result);
        };
        ReviewMessage approve = ReviewMessage.decision(null, s.signatureId(), 1, ReviewDecision.APPROVE, List.of(), null,
                "reviewer-1");
        ReviewProcessor reviews = service(crashingOnce);

        assertThatThrownBy(() -> reviews.process(approve)).hasMessageContaining("injected crash");
        Signature applied = store.find(new AccountId("outbox"), s.signatureId()).orElseThrow();
        assertThat(applied.status()).as("the decision itself is applied, whole").isEqualTo(SignatureStatus.APPROVED);
        assertThat(applied.outbox()).hasSize(1);

        reviews.process(approve);
        reviews.process(approve);
        assertThat(store.find(new AccountId("outbox"), s.signatureId()).orElseThrow().outbox()).isEmpty();
        assertThat(store.find(new AccountId("outbox"), s.signatureId()).orElseThrow().history()
                .stream().filter(h -> h.to() == SignatureStatus.APPROVED)).hasSize(1);

        List<Message> announced = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            announced.addAll(backend.sqs.receiveMessage(b -> b.queueUrl(resultsQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages());
        }
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).body()).contains("\"status\":\"APPROVED\"", s.signatureId().value());
    }
}
