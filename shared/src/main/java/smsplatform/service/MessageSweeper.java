package smsplatform.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import smsplatform.domain.CarrierReceipt;
import smsplatform.domain.Receipt;
import smsplatform.domain.SmsMessage.Cause;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage;
import smsplatform.log.Log;
import smsplatform.ports.MessageStore;
import smsplatform.ports.OutboundQueue;
import smsplatform.support.Parallel;

/**
 * Settles messages that stopped making progress, so that none stays QUEUED or SENT forever (DESIGN §11).
 * <ul>
 * <li>QUEUED with no change for the queued bound: recorded, but its queue message never came (SendSms was
 * interrupted between recording and queueing) or was lost. It is queued again; delivery claims
 * QUEUED → SENT conditionally, so a message queued twice is handed over once.</li>
 * <li>SENT with no change for the sent bound: no outcome. If the carrier's last answer was a refusal for
 * now, its retries are over: FAILED. Otherwise its hand-over was interrupted: it is queued again, and the
 * delivery function applies its own rule (hand it over again where the carrier deduplicates by serial
 * number, else FAILED as an unknown outcome), so the sweeper never hands anything over itself.</li>
 * <li>SENT and accepted by the carrier, with no receipt for the receipt bound: UNDELIVERED, with a receipt of
 * carrier status {@value #NO_RECEIPT} saying so (the carrier never told whether the handset got it).</li>
 * <li>Settled a minute ago or more, its MESSAGE_STATUS event still unpublished (its function stopped in between):
 * published now.</li>
 * </ul>
 * Each re-queue is a note in the history written only if the message has not changed since it was read,
 * so concurrent sweeps queue it once. The wait doubles after each re-queue; after {@value #MAX_REQUEUES}
 * re-queues without progress the message is FAILED.
 */
public final class MessageSweeper {

    /**
     * How long a QUEUED and a SENT message may go without a change before the sweeper acts, and how long an
     * accepted message may wait for its receipt.
     */
    public record Bounds(Duration queued, Duration sent, Duration receipt) {
        Duration of(Status status) {
            return status == Status.QUEUED ? queued : sent;
        }
    }

    /** What one sweep did: messages queued again, failed, and found idle but not due yet. */
    public record Sweep(int requeued, int failed, int waiting, int withoutReceipt, int announced) {}

    enum Action { WAIT, REQUEUE, FAIL }

    /** {@code detail}: for REQUEUE, what follows the cause's words. */
    record Decision(Action action, String detail) {}

    private static final Decision WAIT = new Decision(Action.WAIT, null);

    static final int MAX_REQUEUES = 3;
    /** Messages of each status one sweep looks at (the rest wait for the next sweep). */
    static final int LIMIT = 2000;
    static final String NO_RECEIPT = "NO_RECEIPT";
    /** How long a settled message's event may stay unpublished before the sweeper publishes it (its function stopped). */
    static final Duration ANNOUNCE_AFTER = Duration.ofMinutes(1);

    private final MessageStore messages;
    private final MessageProgress progress;
    private final OutboundQueue outbound;
    private final Bounds bounds;
    private final Clock clock;

    public MessageSweeper(MessageStore messages, MessageProgress progress, OutboundQueue outbound, Bounds bounds,
                          Clock clock) {
        this.messages = messages;
        this.progress = progress;
        this.outbound = outbound;
        this.bounds = bounds;
        this.clock = clock;
    }

    public Sweep sweep() {
        Instant now = clock.instant();
        List<SmsMessage> idle = new ArrayList<>();
        for (Status status : List.of(Status.QUEUED, Status.SENT)) {
            List<MessageStore.Ref> refs = messages.pending(status, now.minus(bounds.of(status)), LIMIT);
            Parallel.map(refs, r -> messages.find(r.accountId(), r.serialNo())).forEach(m -> m.ifPresent(idle::add));
        }
        List<Decision> done = Parallel.map(idle, m -> settle(m, now));
        List<OutboundQueue.Delivery> requeued = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < idle.size(); i++) {
            SmsMessage message = idle.get(i);
            Decision decision = done.get(i);
            if (decision.action() != Action.WAIT) {
                Log.warn("sweep." + decision.action().name().toLowerCase(), "accountId", message.accountId(),
                        "serialNo", message.serialNo().value(), "status", message.status().name(), "detail", decision.detail());
            }
            if (decision.action() == Action.REQUEUE) {
                requeued.add(new OutboundQueue.Delivery(message.accountId(), message.serialNo()));
            } else if (decision.action() == Action.FAIL) {
                failed++;
            }
        }
        outbound.send(requeued);
        int withoutReceipt = settleWithoutReceipt(now);
        int announced = progress.announceUnannounced(now.minus(ANNOUNCE_AFTER), LIMIT);
        Sweep sweep = new Sweep(requeued.size(), failed, idle.size() - requeued.size() - failed, withoutReceipt, announced);
        Log.info("sweep.done", "requeued", sweep.requeued(), "failed", sweep.failed(), "waiting", sweep.waiting(),
                "withoutReceipt", withoutReceipt, "announced", announced);
        return sweep;
    }

    /** Accepted messages whose receipt never came within the bound end UNDELIVERED. */
    private int settleWithoutReceipt(Instant now) {
        List<MessageStore.Ref> refs = messages.awaitingReceipt(now.minus(bounds.receipt()), LIMIT);
        List<Boolean> settled = Parallel.map(refs, r -> messages.find(r.accountId(), r.serialNo())
                .filter(m -> m.status() == Status.SENT && m.acceptedByCarrier())
                .map(m -> progress.receipt(m, new CarrierReceipt(m.carrierMessageId(), false, new Receipt(NO_RECEIPT,
                        "no delivery receipt within " + words(bounds.receipt()) + " of the carrier's acceptance", now)), now))
                .orElse(false));
        int count = (int) settled.stream().filter(Boolean::booleanValue).count();
        if (count > 0) {
            Log.warn("sweep.without-receipt", "settled", count);
        }
        return count;
    }

    /** The decision, applied if the message has not changed since it was read (else: wait). */
    private Decision settle(SmsMessage message, Instant now) {
        Decision decision = decide(message, now, bounds);
        boolean done = switch (decision.action()) {
            case WAIT -> false;
            case REQUEUE -> messages.transitionIfUnchanged(message,
                    Cause.REQUEUED_BY_SWEEPER.change(message.status(), now, decision.detail()));
            case FAIL -> progress.failIfUnchanged(message, now, decision.detail());
        };
        return done ? decision : WAIT;
    }

    static Decision decide(SmsMessage message, Instant now, Bounds bounds) {
        Status status = message.status();
        if (status != Status.QUEUED && status != Status.SENT || message.acceptedByCarrier()) {
            return WAIT;
        }
        int requeues = (int) message.statusHistory().stream()
                .filter(c -> c.status() == status && c.cause() == Cause.REQUEUED_BY_SWEEPER).count();
        Duration wait = bounds.of(status).multipliedBy(1L << requeues);
        if (Duration.between(message.lastChange().at(), now).compareTo(wait) < 0) {
            return WAIT;
        }
        if (status == Status.SENT && DeliveryService.lastAttemptFailedTransiently(message)) {
            return new Decision(Action.FAIL, "retries exhausted; " + message.lastChange().detail());
        }
        if (requeues >= MAX_REQUEUES) {
            return new Decision(Action.FAIL, status == Status.QUEUED
                    ? "abandoned: never handed to the carrier, still queued after " + requeues + " re-queues"
                    : "outcome unknown after " + (requeues + 1) + " interrupted hand-overs; not sent again");
        }
        return new Decision(Action.REQUEUE, (status == Status.QUEUED
                ? "not handed to the carrier within " + words(wait)
                : "no outcome within " + words(wait) + " of the hand-over"));
    }

    private static String words(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
        }
        return seconds % 60 == 0 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes")
                : seconds + (seconds == 1 ? " second" : " seconds");
    }
}
