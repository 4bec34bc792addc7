package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.CarrierReceipt;
import smsplatform.domain.Receipt;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage.StatusChange;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TestIds;
import smsplatform.log.Log;
import smsplatform.log.LogTest;
import smsplatform.ports.Carrier;
import smsplatform.ports.OutboundQueue;
import smsplatform.ports.Statistics;

/**
 * DESIGN §11 on in-memory ports, in milliseconds: delivery, receipts and the sweeper together. A status never moves
 * backwards, a receipt applies once whatever its order, and the statistics and events follow each change once.
 */
class MessageLifecycleTest {

    static final Instant T0 = Instant.parse("2030-01-01T08:00:00Z");
    static final AccountId ACCOUNT = new AccountId("lifecycle");

    final InMemoryMessageStore messages = new InMemoryMessageStore();
    final InMemoryCarrierLinks links = new InMemoryCarrierLinks();
    final InMemoryStatistics statistics = new InMemoryStatistics();
    final List<CallbackEvent> events = new ArrayList<>();
    final MessageProgress progress = new MessageProgress(messages, links, statistics, events::addAll);
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final ReceiptService receipts = new ReceiptService(links, progress, clock);
    final List<SerialNo> handOvers = new ArrayList<>();
    final Carrier carrier = new Carrier() {
        @Override
        public Result deliver(SerialNo serialNo, String phoneNumber, String text) {
            handOvers.add(serialNo);
            return phoneNumber.endsWith("0400") ? Result.refused(Outcome.PERMANENT_FAILURE, "refused")
                    : Result.accepted("carrier-" + serialNo, "accepted");
        }

        @Override
        public boolean deduplicatesBySerialNo() {
            return true;
        }
    };
    final DeliveryService delivery = new DeliveryService(messages, progress, carrier, clock);

    /** The id of the event announcing that the message of that label reached that status. */
    static String eventId(String label, String status) {
        return "msg_" + TestIds.serial(label) + "_" + status;
    }

    SerialNo recorded(SerialNo serialNo, String number) {
        messages.recordQueued(List.of(new SmsMessage(ACCOUNT, serialNo, number, "Cycle Labs", TestIds.template("1"), "【Cycle Labs】hi", 2,
                Status.QUEUED, List.of(new StatusChange(Status.QUEUED, T0, null)), T0)), false);
        return serialNo;
    }

    SmsMessage message(SerialNo serialNo) {
        return messages.find(ACCOUNT, serialNo).orElseThrow();
    }

    List<Status> history(SerialNo serialNo) {
        return message(serialNo).statusHistory().stream().map(StatusChange::status).toList();
    }

    static CarrierReceipt receipt(SerialNo serialNo, boolean delivered) {
        return new CarrierReceipt("carrier-" + serialNo, delivered,
                new Receipt(delivered ? "SUCCESS" : "FAILURE", delivered ? "ok" : "UNDELIV", T0.plusSeconds(5)));
    }

    Statistics.Day today() {
        return statistics.read(ACCOUNT, LocalDate.ofInstant(T0, ZoneOffset.UTC), LocalDate.ofInstant(T0, ZoneOffset.UTC)).get(0);
    }

    List<String> eventIds() {
        return events.stream().map(CallbackEvent::eventId).toList();
    }

    @Test
    void anAcceptedMessageStaysSentUntilItsReceiptThenCountsAndAnnouncesEachStepOnce() {
        SerialNo serial = recorded(TestIds.serial("1"), "+8613800000001");
        delivery.deliver(ACCOUNT, serial);
        assertThat(message(serial).status()).isEqualTo(Status.SENT);
        assertThat(message(serial).carrierMessageId()).isEqualTo("carrier-" + TestIds.serial("1"));

        assertThat(receipts.apply(receipt(serial, true))).isEqualTo(ReceiptService.Outcome.APPLIED);
        assertThat(message(serial).status()).isEqualTo(Status.DELIVERED);
        assertThat(message(serial).receipt().carrierStatus()).isEqualTo("SUCCESS");
        assertThat(history(serial)).containsExactly(Status.QUEUED, Status.SENT, Status.SENT, Status.DELIVERED);
        assertThat(today()).isEqualTo(new Statistics.Day(today().date(), 1, 1, 1, 0, 0, 2, 0));
        assertThat(eventIds()).containsExactly(eventId("1", "SENT"), eventId("1", "DELIVERED"));
    }

    @Test
    void aReceiptBeforeTheAcceptanceIsKeptAndAppliedWhenTheAcceptanceIsRecorded() {
        SerialNo serial = recorded(TestIds.serial("2"), "+8613800000002");
        assertThat(receipts.apply(receipt(serial, true))).isEqualTo(ReceiptService.Outcome.PARKED);
        assertThat(message(serial).status()).isEqualTo(Status.QUEUED);

        delivery.deliver(ACCOUNT, serial);
        assertThat(message(serial).status()).isEqualTo(Status.DELIVERED);
        assertThat(history(serial)).containsExactly(Status.QUEUED, Status.SENT, Status.SENT, Status.DELIVERED);
        assertThat(today().delivered()).isOne();
    }

    @Test
    void aDuplicatedReceiptIsAnnouncedAgainUnderTheSameIdButCountsAndChangesNothing() {
        SerialNo serial = recorded(TestIds.serial("3"), "+8613800000003");
        delivery.deliver(ACCOUNT, serial);
        receipts.apply(receipt(serial, true));
        assertThat(receipts.apply(receipt(serial, true))).isEqualTo(ReceiptService.Outcome.ALREADY_APPLIED);
        assertThat(history(serial)).containsExactly(Status.QUEUED, Status.SENT, Status.SENT, Status.DELIVERED);
        assertThat(today().delivered()).isOne();
        assertThat(eventIds()).containsExactly(eventId("3", "SENT"), eventId("3", "DELIVERED"), eventId("3", "DELIVERED"));
    }

    @Test
    void eachReceiptLogsOneLineWithItsCarrierIdAndOutcomeAndAParkedOneCarriesNoEarlierReceiptsMessage() {
        SerialNo linked = recorded(TestIds.serial("5"), "+8613800000005");
        SerialNo early = recorded(TestIds.serial("6"), "+8613800000006");
        delivery.deliver(ACCOUNT, linked);
        List<Map<String, Object>> lines = LogTest.capturedLines(() -> {
            Log.begin("receipts", "batch-1");
            receipts.apply(receipt(linked, true));
            receipts.apply(receipt(linked, true));
            receipts.apply(receipt(early, true));
        }).stream().filter(l -> "receipt".equals(l.get("event"))).toList();
        assertThat(lines).extracting(l -> l.get("carrierMessageId"), l -> l.get("outcome"), l -> l.get("serialNo"))
                .containsExactly(tuple("carrier-" + linked, "APPLIED", linked.value()),
                        tuple("carrier-" + linked, "ALREADY_APPLIED", linked.value()),
                        tuple("carrier-" + early, "PARKED", null));
        assertThat(lines.get(2)).doesNotContainKey("accountId");
    }

    @Test
    void aLaterReceiptThatContradictsTheFirstChangesNothing() {
        SerialNo serial = recorded(TestIds.serial("4"), "+8613800000004");
        delivery.deliver(ACCOUNT, serial);
        receipts.apply(receipt(serial, false));
        assertThat(receipts.apply(receipt(serial, true))).isEqualTo(ReceiptService.Outcome.ALREADY_APPLIED);
        assertThat(message(serial).status()).isEqualTo(Status.UNDELIVERED);
        assertThat(message(serial).receipt().carrierStatus()).isEqualTo("FAILURE");
        assertThat(today()).extracting(Statistics.Day::delivered, Statistics.Day::undelivered).containsExactly(0L, 1L);
    }

    @Test
    void aQueueMessageDeliveredAgainAfterTheAcceptanceHandsNothingOverAndCountsNothingTwice() {
        SerialNo serial = recorded(TestIds.serial("5"), "+8613800000005");
        delivery.deliver(ACCOUNT, serial);
        delivery.deliver(ACCOUNT, serial);
        assertThat(handOvers).containsExactly(serial);
        assertThat(today()).extracting(Statistics.Day::requested, Statistics.Day::sent, Statistics.Day::fee)
                .containsExactly(1L, 1L, 2L);
        assertThat(eventIds()).containsExactly(eventId("5", "SENT"), eventId("5", "SENT"));
        receipts.apply(receipt(serial, true));
        delivery.deliver(ACCOUNT, serial);
        assertThat(eventIds()).as("a settled message is announced again").endsWith(eventId("5", "DELIVERED"), eventId("5", "DELIVERED"));
        assertThat(message(serial).status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void aRefusedMessageFailsWithoutEverBeingAnnouncedSentAndCountsAsRequestedAndFailed() {
        SerialNo serial = recorded(TestIds.serial("6"), "+8613800000400");
        delivery.deliver(ACCOUNT, serial);
        assertThat(message(serial).status()).isEqualTo(Status.FAILED);
        assertThat(eventIds()).containsExactly(eventId("6", "FAILED"));
        assertThat(today()).isEqualTo(new Statistics.Day(today().date(), 1, 0, 0, 0, 1, 0, 0));
    }

    @Test
    void anAcceptedMessageWhoseReceiptNeverComesEndsUndeliveredAfterTheBoundAndALateReceiptChangesNothing() {
        SerialNo serial = recorded(TestIds.serial("7"), "+8613800000007");
        delivery.deliver(ACCOUNT, serial);
        OutboundQueue outbound = deliveries -> assertThat(deliveries).isEmpty();
        MessageSweeper.Bounds bounds = new MessageSweeper.Bounds(Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofHours(72));
        MessageSweeper early = new MessageSweeper(messages, progress, outbound, bounds, Clock.fixed(T0.plus(Duration.ofHours(71)), ZoneOffset.UTC));
        assertThat(early.sweep().withoutReceipt()).isZero();
        MessageSweeper due = new MessageSweeper(messages, progress, outbound, bounds, Clock.fixed(T0.plus(Duration.ofHours(72)), ZoneOffset.UTC));
        assertThat(due.sweep().withoutReceipt()).isOne();
        assertThat(message(serial).status()).isEqualTo(Status.UNDELIVERED);
        assertThat(message(serial).receipt().carrierStatus()).isEqualTo(MessageSweeper.NO_RECEIPT);
        assertThat(message(serial).receipt().description()).isEqualTo("no delivery receipt within 72 hours of the carrier's acceptance");

        receipts.apply(receipt(serial, true));
        assertThat(message(serial).status()).as("final: never moves again").isEqualTo(Status.UNDELIVERED);
    }

    @Test
    void aFinalChangeWhoseEventWasNeverPublishedIsAnnouncedByTheSweepAMinuteLaterAndOnlyThen() {
        SerialNo serial = recorded(TestIds.serial("8"), "+8613800000008");
        // A function stopped between the change and its event: the change is stored, nothing was published.
        messages.transition(ACCOUNT, serial, Status.QUEUED, new StatusChange(Status.FAILED, T0, "abandoned"));
        assertThat(messages.unannounced(T0, 10)).hasSize(1);
        OutboundQueue outbound = deliveries -> assertThat(deliveries).isEmpty();
        MessageSweeper.Bounds bounds = new MessageSweeper.Bounds(Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofHours(72));
        assertThat(new MessageSweeper(messages, progress, outbound, bounds, Clock.fixed(T0.plusSeconds(59), ZoneOffset.UTC))
                .sweep().announced()).isZero();
        assertThat(new MessageSweeper(messages, progress, outbound, bounds, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC))
                .sweep().announced()).isOne();
        assertThat(eventIds()).containsExactly(eventId("8", "FAILED"));
        assertThat(messages.unannounced(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(new MessageSweeper(messages, progress, outbound, bounds, Clock.fixed(T0.plusSeconds(120), ZoneOffset.UTC))
                .sweep().announced()).as("announced once").isZero();
    }

    @Test
    void everyFinalChangeMadeThroughTheProgressLeavesNothingToAnnounce() {
        recorded(TestIds.serial("9"), "+8613800000009");
        recorded(TestIds.serial("10"), "+8613800000400");
        delivery.deliver(ACCOUNT, TestIds.serial("9"));
        receipts.apply(receipt(TestIds.serial("9"), true));
        delivery.deliver(ACCOUNT, TestIds.serial("10"));
        assertThat(messages.unannounced(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }
}
