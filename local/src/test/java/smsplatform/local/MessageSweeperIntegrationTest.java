package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.SqsOutboundQueue;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage.StatusChange;
import smsplatform.domain.SmsMessage;
import smsplatform.json.Json;
import smsplatform.ports.Carrier;
import smsplatform.ports.MessageStore;
import smsplatform.ports.OutboundQueue;
import smsplatform.service.DeliveryService;
import smsplatform.service.MessageSweeper;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The sweeper's rules on the real adapters (DynamoDB with its sparse index, SQS) against the selected
 * backend, with the delivery service behind the queue and the production bounds (5 and 20 minutes) on
 * a clock the test moves. Each test has a table and a queue of its own.
 */
@ResourceLock(AwsBackend.LOCK)
class MessageSweeperIntegrationTest {

    static final Instant T0 = Instant.parse("2030-01-01T08:00:00Z");
    static final MessageSweeper.Bounds BOUNDS = new MessageSweeper.Bounds(Duration.ofMinutes(5), Duration.ofMinutes(20),
            Duration.ofHours(72));
    static final AccountId ACCOUNT = new AccountId("sweeper");

    AwsBackend backend;
    String table;
    String queue;
    DynamoMessageStore messages;
    Progress progress;
    final TestClock clock = new TestClock();

    @BeforeEach
    void freshTableAndQueue() throws Exception {
        backend = AwsBackend.selected();
        String id = UUID.randomUUID().toString().substring(0, 8);
        table = backend.freshTable("sweeper-" + id);
        queue = backend.sqs.createQueue(b -> b.queueName("sweeper-outbound-" + id)).queueUrl();
        progress = new Progress(backend, table, clock);
        messages = progress.messages;
        clock.now = T0;
    }

    MessageSweeper sweeper() {
        return new MessageSweeper(messages, progress.progress, new SqsOutboundQueue(backend.sqs, queue), BOUNDS, clock);
    }

    DeliveryService delivery(Carrier carrier) {
        return new DeliveryService(messages, progress.progress, carrier, clock);
    }

    /** Recorded as SendSms records it, at the clock's time; not queued (as when SendSms is interrupted). */
    SerialNo recorded(String label) {
        SerialNo serialNo = TestSerials.of(label);
        SmsMessage message = new SmsMessage(ACCOUNT, serialNo, "+8613800138000", "Sweep Labs", null, "【Sweep Labs】hello", 1,
                Status.QUEUED, List.of(new StatusChange(Status.QUEUED, clock.now, null)), clock.now);
        assertThat(messages.recordQueued(List.of(message), false)).containsExactly(serialNo);
        return serialNo;
    }

    /** Takes every message waiting on the queue: the serial numbers, in order. */
    List<SerialNo> takeQueued() {
        List<SerialNo> serials = new ArrayList<>();
        List<Message> batch;
        do {
            batch = backend.sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message m : batch) {
                serials.add(new SerialNo((String) Json.parseObject(m.body()).get("serialNo")));
                backend.sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return serials;
    }

    SmsMessage message(SerialNo serialNo) {
        return messages.find(ACCOUNT, serialNo).orElseThrow();
    }

    List<Status> history(SerialNo serialNo) {
        return message(serialNo).statusHistory().stream().map(StatusChange::status).toList();
    }

    @Test
    void theIndexHoldsOnlyMessagesNotYetSettledAndIsReadByTheTimeOfTheirLastChange() {
        SerialNo queued = recorded("queued");
        SerialNo sent = recorded("sent");
        SerialNo delivered = recorded("delivered");
        clock.now = T0.plusSeconds(10);
        assertThat(messages.transition(ACCOUNT, sent, Status.QUEUED, new StatusChange(Status.SENT, clock.now, null))).isTrue();
        assertThat(messages.transition(ACCOUNT, delivered, Status.QUEUED, new StatusChange(Status.SENT, clock.now, null))).isTrue();
        assertThat(messages.transition(ACCOUNT, delivered, Status.SENT, new StatusChange(Status.DELIVERED, clock.now, "ok")))
                .isTrue();

        assertThat(messages.pending(Status.QUEUED, T0.plusSeconds(60), 100)).containsExactly(new MessageStore.Ref(ACCOUNT, queued));
        assertThat(messages.pending(Status.SENT, T0.plusSeconds(60), 100)).containsExactly(new MessageStore.Ref(ACCOUNT, sent));
        assertThat(messages.pending(Status.SENT, T0.plusSeconds(9), 100)).as("changed after the bound").isEmpty();
        Map<String, AttributeValue> settled = backend.dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#" + ACCOUNT), "sk", AttributeValue.fromS("SMS#" + delivered)))).item();
        assertThat(settled).containsEntry("status", AttributeValue.fromS("DELIVERED"));
        assertThat(settled.get("pendingShard").s()).as("settled, its event not yet published").startsWith("UNANNOUNCED#");
        assertThat(messages.unannounced(T0.plusSeconds(60), 100)).containsExactly(new MessageStore.Ref(ACCOUNT, delivered));
        messages.announced(ACCOUNT, delivered);
        Map<String, AttributeValue> announced = backend.dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#" + ACCOUNT), "sk", AttributeValue.fromS("SMS#" + delivered)))).item();
        assertThat(announced).doesNotContainKeys("pendingShard", "pendingSince");
        assertThat(messages.unannounced(T0.plusSeconds(60), 100)).isEmpty();
    }

    @Test
    void aMessageRecordedButNeverQueuedIsQueuedAgainAfterTheBoundAndDeliveredOnce() {
        SerialNo serial = recorded("stranded");
        clock.now = T0.plus(Duration.ofMinutes(5)).minusSeconds(1);
        assertThat(sweeper().sweep().requeued()).isZero();
        assertThat(takeQueued()).isEmpty();

        clock.now = T0.plus(Duration.ofMinutes(5));
        assertThat(sweeper().sweep()).isEqualTo(new MessageSweeper.Sweep(1, 0, 0, 0, 0));
        TestCarrier carrier = new TestCarrier(false);
        takeQueued().forEach(s -> delivery(carrier).deliver(ACCOUNT, s));

        assertThat(carrier.handOvers).containsExactly(serial);
        assertThat(history(serial)).containsExactly(Status.QUEUED, Status.QUEUED, Status.SENT, Status.SENT);
        assertThat(message(serial).acceptedByCarrier()).isTrue();
        assertThat(message(serial).statusHistory().get(1).detail())
                .isEqualTo("re-queued by the sweeper: not handed to the carrier within 5 minutes");
    }

    @Test
    void aMessageQueuedTwiceIsHandedToTheCarrierOnceEvenWhereTheCarrierDoesNotDeduplicate() {
        SerialNo serial = recorded("twice");
        new SqsOutboundQueue(backend.sqs, queue).send(List.of(new OutboundQueue.Delivery(ACCOUNT, serial)));
        clock.now = T0.plus(Duration.ofMinutes(6));
        assertThat(sweeper().sweep().requeued()).isOne();
        List<SerialNo> queued = takeQueued();
        assertThat(queued).containsExactly(serial, serial);

        TestCarrier carrier = new TestCarrier(false);
        queued.forEach(s -> delivery(carrier).deliver(ACCOUNT, s));
        assertThat(carrier.handOvers).containsExactly(serial);
        assertThat(message(serial).acceptedByCarrier()).isTrue();
    }

    @Test
    void sweepsRunningAtOnceQueueAStrandedMessageOnce() throws Exception {
        List<SerialNo> serials = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            serials.add(recorded("race-" + i));
        }
        clock.now = T0.plus(Duration.ofMinutes(6));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MessageSweeper.Sweep>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(pool.submit(() -> sweeper().sweep()));
            }
            int requeued = 0;
            for (Future<MessageSweeper.Sweep> sweep : sweeps) {
                requeued += sweep.get().requeued();
            }
            assertThat(requeued).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(takeQueued()).containsExactlyInAnyOrderElementsOf(serials);
        assertThat(serials).allSatisfy(s -> assertThat(history(s)).containsExactly(Status.QUEUED, Status.QUEUED));
    }

    @Test
    void aSentMessageWhoseHandOverWasInterruptedFailsWhereTheCarrierDoesNotDeduplicate() {
        SerialNo serial = recorded("interrupted");
        TestCarrier carrier = new TestCarrier(false);
        carrier.next = TestCarrier.INTERRUPTED;
        assertThatThrownBy(() -> delivery(carrier).deliver(ACCOUNT, serial)).hasMessageContaining("interrupted");
        assertThat(message(serial).status()).isEqualTo(Status.SENT);

        clock.now = T0.plus(Duration.ofMinutes(19));
        assertThat(sweeper().sweep().requeued()).isZero();
        clock.now = T0.plus(Duration.ofMinutes(20));
        assertThat(sweeper().sweep().requeued()).as("queued again for the delivery function's rule").isOne();
        carrier.next = TestCarrier.ACCEPTED;
        takeQueued().forEach(s -> delivery(carrier).deliver(ACCOUNT, s));

        assertThat(carrier.handOvers).as("never handed over a second time").containsExactly(serial);
        assertThat(message(serial).status()).isEqualTo(Status.FAILED);
        assertThat(message(serial).lastChange().detail())
                .isEqualTo("outcome unknown after an interrupted hand-over; not sent again to avoid a duplicate");
    }

    @Test
    void aSentMessageWhoseHandOverWasInterruptedIsHandedOverAgainWhereTheCarrierDeduplicates() {
        SerialNo serial = recorded("interrupted-dedup");
        TestCarrier carrier = new TestCarrier(true);
        carrier.next = TestCarrier.INTERRUPTED;
        assertThatThrownBy(() -> delivery(carrier).deliver(ACCOUNT, serial)).hasMessageContaining("interrupted");

        clock.now = T0.plus(Duration.ofMinutes(20));
        assertThat(sweeper().sweep().requeued()).isOne();
        carrier.next = TestCarrier.ACCEPTED;
        takeQueued().forEach(s -> delivery(carrier).deliver(ACCOUNT, s));

        assertThat(carrier.handOvers).containsExactly(serial, serial);
        assertThat(carrier.received).as("the carrier delivered it once").containsExactly(serial);
        assertThat(history(serial)).containsExactly(Status.QUEUED, Status.SENT, Status.SENT, Status.SENT);
        assertThat(message(serial).acceptedByCarrier()).isTrue();
    }

    @Test
    void aSentMessageTheCarrierKeptRefusingFailsOnceItsRetriesAreOverWithoutAnotherHandOver() {
        SerialNo serial = recorded("refused");
        TestCarrier carrier = new TestCarrier(false);
        carrier.next = () -> Carrier.Result.refused(Carrier.Outcome.TRANSIENT_FAILURE, "busy, try later");
        assertThatThrownBy(() -> delivery(carrier).deliver(ACCOUNT, serial)).isInstanceOf(DeliveryService.RetryLater.class);

        clock.now = T0.plus(Duration.ofMinutes(25));
        assertThat(sweeper().sweep()).isEqualTo(new MessageSweeper.Sweep(0, 1, 0, 0, 0));
        assertThat(takeQueued()).isEmpty();
        assertThat(carrier.handOvers).containsExactly(serial);
        assertThat(message(serial).status()).isEqualTo(Status.FAILED);
        assertThat(message(serial).lastChange().detail()).isEqualTo("retries exhausted; carrier refused for now: busy, try later");
    }

    @Test
    void aMessageThatChangedAfterTheSweeperReadItIsNeitherOverwrittenNorQueuedAgain() {
        SerialNo moved = recorded("moved");
        SerialNo noted = recorded("noted");
        SmsMessage movedSeen = message(moved);
        SmsMessage notedSeen = message(noted);
        clock.now = T0.plusSeconds(1);
        messages.transition(ACCOUNT, moved, Status.QUEUED, new StatusChange(Status.SENT, clock.now, null));
        messages.transition(ACCOUNT, noted, Status.QUEUED, new StatusChange(Status.QUEUED, clock.now, "progress"));

        assertThat(messages.transitionIfUnchanged(movedSeen, new StatusChange(Status.FAILED, clock.now, "late"))).isFalse();
        assertThat(messages.transitionIfUnchanged(notedSeen, new StatusChange(Status.FAILED, clock.now, "late"))).isFalse();
        assertThat(message(moved).status()).isEqualTo(Status.SENT);
        assertThat(message(noted).status()).isEqualTo(Status.QUEUED);
        assertThat(messages.transitionIfUnchanged(message(noted), new StatusChange(Status.FAILED, clock.now, "now"))).isTrue();
    }

    @Test
    void aMessageNeverHandedOverIsQueuedAgainAfterDoublingWaitsThenAbandonedAfterThreeTries() {
        SerialNo serial = recorded("poison");
        List<String> requeuedAt = new ArrayList<>();
        for (int minute = 1; minute <= 80; minute++) {
            clock.now = T0.plus(Duration.ofMinutes(minute));
            MessageSweeper.Sweep sweep = sweeper().sweep();
            if (sweep.requeued() > 0) {
                requeuedAt.add("+" + minute);
            }
            if (sweep.failed() > 0) {
                requeuedAt.add("failed +" + minute);
            }
        }
        assertThat(requeuedAt).as("5 minutes, then 10, 20 and 40 after each re-queue")
                .containsExactly("+5", "+15", "+35", "failed +75");
        assertThat(takeQueued()).containsExactly(serial, serial, serial);
        assertThat(message(serial).status()).isEqualTo(Status.FAILED);
        assertThat(message(serial).lastChange().detail())
                .isEqualTo("abandoned: never handed to the carrier, still queued after 3 re-queues");
    }

    /** A carrier that records every hand-over; where it deduplicates, a serial number reaches the handset once. */
    static final class TestCarrier implements Carrier {
        static final Supplier<Result> ACCEPTED = () -> Result.accepted("carrier-" + UUID.randomUUID(), "accepted");
        /** The carrier took it, then the function died before hearing back (a timeout, a crash). */
        static final Supplier<Result> INTERRUPTED = () -> {
            throw new IllegalStateException("interrupted mid hand-over");
        };

        final boolean deduplicates;
        final List<SerialNo> handOvers = new CopyOnWriteArrayList<>();
        final List<SerialNo> received = new CopyOnWriteArrayList<>();
        volatile Supplier<Result> next = ACCEPTED;

        TestCarrier(boolean deduplicates) {
            this.deduplicates = deduplicates;
        }

        @Override
        public Result deliver(SerialNo serialNo, String phoneNumber, String text) {
            handOvers.add(serialNo);
            Supplier<Result> answer = next;
            if (answer != ACCEPTED && answer != INTERRUPTED) {
                return answer.get();
            }
            if (!(deduplicates && received.contains(serialNo))) {
                received.add(serialNo);
            }
            return answer.get();
        }

        @Override
        public boolean deduplicatesBySerialNo() {
            return deduplicates;
        }
    }

    static final class TestClock extends Clock {
        volatile Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
