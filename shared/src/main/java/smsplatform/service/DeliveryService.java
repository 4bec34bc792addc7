package smsplatform.service;

import java.time.Clock;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage;
import smsplatform.log.Log;
import smsplatform.log.Metrics;
import smsplatform.ports.Carrier;
import smsplatform.ports.MessageStore;

/**
 * Hands a queued message to the carrier. QUEUED → SENT is claimed before the hand-over; a redelivered
 * queue message finds it SENT and hands it over again with the same serial number, which the carrier
 * deduplicates, so nothing is delivered twice and nothing is lost. The carrier's acceptance is recorded
 * with its message id; the receipt that names that id settles the message later (DESIGN §11).
 */
public final class DeliveryService {

    /** Thrown for a transient carrier failure: the queue message is retried later. */
    public static final class RetryLater extends RuntimeException {
        RetryLater(String message) {
            super(message);
        }
    }

    static final String UNKNOWN_OUTCOME = "outcome unknown after an interrupted hand-over; not sent again to avoid a duplicate";

    private final MessageStore messages;
    private final MessageProgress progress;
    private final Carrier carrier;
    private final Clock clock;

    public DeliveryService(MessageStore messages, MessageProgress progress, Carrier carrier, Clock clock) {
        this.messages = messages;
        this.progress = progress;
        this.carrier = carrier;
        this.clock = clock;
    }

    /** The carrier's last answer was a refusal for now: the message was not handed over, and may be again. */
    static boolean lastAttemptFailedTransiently(SmsMessage message) {
        return message.lastChange().cause() == SmsMessage.Cause.CARRIER_REFUSED_FOR_NOW;
    }

    public void deliver(AccountId accountId, SerialNo serialNo) {
        Log.context("accountId", accountId, "serialNo", serialNo.value());
        Optional<SmsMessage> found = messages.find(accountId, serialNo);
        if (found.isEmpty()) {
            Log.warn("delivery.ignored", "reason", "no such message");
            return;
        }
        SmsMessage message = found.get();
        if (message.status() == Status.QUEUED) {
            if (!progress.claim(message, clock.instant())) {
                Log.info("delivery.ignored", "reason", "another delivery of this message is under way");
                return;
            }
        } else if (message.status().isFinal()) {
            Log.info("delivery.ignored", "reason", "already " + message.status());
            progress.announceAgain(message);
            return;
        } else if (message.acceptedByCarrier()) {
            // Accepted before, and this is the queue message again (the first run stopped before its end):
            // link and announce again, both idempotent; the receipt settles it.
            Log.info("delivery.replayed", "reason", "already accepted by the carrier");
            progress.accepted(message, message.carrierMessageId(), clock.instant(), null);
            return;
        } else if (!carrier.deduplicatesBySerialNo() && !lastAttemptFailedTransiently(message)) {
            // Handed over before, outcome unknown: sending again could deliver it twice.
            progress.fail(message, clock.instant(), UNKNOWN_OUTCOME);
            Log.warn("delivery.unknown-outcome");
            return;
        }
        Carrier.Result result = carrier.deliver(serialNo, message.phoneNumber(), message.text());
        SmsMessage sent = message.with(Status.SENT, message.carrierMessageId(), message.receipt());
        switch (result.outcome()) {
            case ACCEPTED -> progress.accepted(sent, result.carrierMessageId(), clock.instant(), result.detail());
            case PERMANENT_FAILURE -> {
                Metrics.count(Metrics.CARRIER_ERRORS, 1);
                progress.fail(sent, clock.instant(), result.detail());
            }
            case TRANSIENT_FAILURE -> {
                Metrics.count(Metrics.CARRIER_ERRORS, 1);
                messages.note(accountId, serialNo, SmsMessage.Cause.CARRIER_REFUSED_FOR_NOW, result.detail());
                throw new RetryLater(result.detail());
            }
        }
        Log.info("delivery.done", "outcome", result.outcome().name());
    }
}
