package smsplatform.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.CarrierReceipt;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage.StatusChange;
import smsplatform.domain.SmsMessage;
import smsplatform.json.SmsMessageJson;
import smsplatform.log.Log;
import smsplatform.log.Metrics;
import smsplatform.ports.CallbackEvents;
import smsplatform.ports.CarrierLinks;
import smsplatform.ports.MessageStore;
import smsplatform.ports.Statistics.Counter;
import smsplatform.ports.Statistics;

/**
 * Every status change of a message, and what follows from it: the day's statistics are counted by the writer
 * whose conditional change succeeded (a duplicate never counts twice), and a MESSAGE_STATUS event is published
 * for each status a customer sees change. The event id is the serial number and the status, so the event is
 * published again, harmlessly, whenever a duplicate finds the message already there (the previous publisher may
 * have crashed before publishing); receivers deduplicate it.
 * <p>
 * A change to a final status marks the message unannounced in the same write, and the mark is cleared once its
 * event is published; the sweeper announces what stayed marked ({@link #announceUnannounced}), so no crash between
 * a change and its publication loses the event. The one window left: a crash between a change and its counting
 * loses that count (the local emulator has no transactions); the change itself is never lost.
 */
public final class MessageProgress {

    private final MessageStore messages;
    private final CarrierLinks links;
    private final Statistics statistics;
    private final CallbackEvents events;

    public MessageProgress(MessageStore messages, CarrierLinks links, Statistics statistics, CallbackEvents events) {
        this.messages = messages;
        this.links = links;
        this.statistics = statistics;
        this.events = events;
    }

    public Optional<SmsMessage> find(MessageStore.Ref ref) {
        return messages.find(ref.accountId(), ref.serialNo());
    }

    /** QUEUED → SENT as the hand-over begins; false if another delivery of it claimed it first. */
    public boolean claim(SmsMessage message, Instant at) {
        if (!messages.transition(message.accountId(), message.serialNo(), Status.QUEUED, new StatusChange(Status.SENT, at, null))) {
            return false;
        }
        count(message, Map.of(Counter.REQUESTED, 1L));
        Metrics.count(Metrics.MESSAGES_SENT, 1);
        return true;
    }

    /**
     * The carrier accepted it under {@code carrierMessageId}: recorded once (a replay finds it recorded and only
     * links and announces again), then linked to the carrier's id, and a receipt that came first is applied.
     */
    public void accepted(SmsMessage message, String carrierMessageId, Instant at, String detail) {
        StatusChange change = new StatusChange(Status.SENT, at, detail);
        SmsMessage sent = message.with(Status.SENT, carrierMessageId, message.receipt());
        if (messages.recordAcceptance(message.accountId(), message.serialNo(), carrierMessageId, change)) {
            count(message, Map.of(Counter.SENT, 1L, Counter.FEE, (long) message.fee()));
        }
        announce(sent, Status.SENT, at);
        links.link(carrierMessageId, new MessageStore.Ref(message.accountId(), message.serialNo()))
                .ifPresent(early -> {
                    Log.info("receipt.applied-after-acceptance", "serialNo", message.serialNo().value());
                    receipt(messages.find(message.accountId(), message.serialNo()).orElse(sent), early, at);
                });
    }

    /** To FAILED from {@code message}'s status (QUEUED or SENT); false when it moved on meanwhile. */
    public boolean fail(SmsMessage message, Instant at, String detail) {
        return failed(message, at, messages.transition(message.accountId(), message.serialNo(), message.status(),
                new StatusChange(Status.FAILED, at, detail)));
    }

    /** Like {@link #fail}, only if the message has made no progress since {@code seen} (the sweeper's rule). */
    public boolean failIfUnchanged(SmsMessage seen, Instant at, String detail) {
        return failed(seen, at, messages.transitionIfUnchanged(seen, new StatusChange(Status.FAILED, at, detail)));
    }

    private boolean failed(SmsMessage message, Instant at, boolean changed) {
        if (!changed) {
            return false;
        }
        count(message, message.status() == Status.QUEUED
                ? Map.of(Counter.REQUESTED, 1L, Counter.FAILED, 1L) : Map.of(Counter.FAILED, 1L));
        Metrics.count(Metrics.MESSAGES_FAILED, 1);
        announce(message, Status.FAILED, at);
        messages.announced(message.accountId(), message.serialNo());
        return true;
    }

    /**
     * Applies a receipt to the message it belongs to: a SENT message moves to DELIVERED or UNDELIVERED and keeps
     * it; one already there is announced again (a duplicated receipt); any other status is left as it is (a
     * status never moves backwards, and the first receipt wins). True when this call changed the message.
     */
    public boolean receipt(SmsMessage message, CarrierReceipt receipt, Instant at) {
        Status to = receipt.delivered() ? Status.DELIVERED : Status.UNDELIVERED;
        if (message.status() == Status.SENT) {
            StatusChange change = new StatusChange(to, at, receipt.receipt().carrierStatus()
                    + (receipt.receipt().description() == null ? "" : ": " + receipt.receipt().description()));
            if (messages.applyReceipt(message.accountId(), message.serialNo(), change, receipt.receipt())) {
                count(message, Map.of(to == Status.DELIVERED ? Counter.DELIVERED : Counter.UNDELIVERED, 1L));
                Metrics.count(to == Status.DELIVERED ? Metrics.MESSAGES_DELIVERED : Metrics.MESSAGES_UNDELIVERED, 1);
                announce(message.with(to, message.carrierMessageId(), receipt.receipt()), to, at);
                messages.announced(message.accountId(), message.serialNo());
                return true;
            }
            message = messages.find(message.accountId(), message.serialNo()).orElse(message);
        }
        if (message.status() == to) {
            announceAgain(message);
        } else {
            Log.info("receipt.ignored", "serialNo", message.serialNo().value(), "status", message.status().name(),
                    "receipt", to.name());
        }
        return false;
    }

    /** Publishes the message's current status again (a duplicate found it settled; the first publisher may have crashed). */
    public void announceAgain(SmsMessage message) {
        if (message.status() != Status.QUEUED) {
            Status status = message.status();
            announce(message, status, message.statusHistory().stream().filter(c -> c.status() == status)
                    .map(StatusChange::at).reduce((a, b) -> b).orElse(message.lastChange().at()));
            if (status.isFinal()) {
                messages.announced(message.accountId(), message.serialNo());
            }
        }
    }

    /**
     * Publishes the events of messages settled at or before {@code settledBefore} whose publication was interrupted
     * (the function stopped between the change and the event); returns how many.
     */
    public int announceUnannounced(Instant settledBefore, int limit) {
        List<MessageStore.Ref> refs = messages.unannounced(settledBefore, limit);
        int announced = 0;
        for (MessageStore.Ref ref : refs) {
            Optional<SmsMessage> message = messages.find(ref.accountId(), ref.serialNo());
            if (message.isPresent() && message.get().status().isFinal()) {
                announceAgain(message.get());
                announced++;
            }
        }
        return announced;
    }

    private void announce(SmsMessage message, Status status, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serialNo", message.serialNo().value());
        data.put("phoneNumber", message.phoneNumber());
        data.put("status", status.name());
        data.put("fee", message.fee());
        if (message.sign() != null) {
            data.put("sign", message.sign());
        }
        if (message.templateId() != null) {
            data.put("templateId", message.templateId().value());
        }
        if (status.isFinal() && message.receipt() != null) {
            data.put("receipt", SmsMessageJson.receipt(message.receipt()));
        }
        events.publish(List.of(new CallbackEvent("msg_" + message.serialNo() + "_" + status.name(),
                CallbackEvent.Type.MESSAGE_STATUS, message.accountId(), at, data)));
    }

    private void count(SmsMessage message, Map<Counter, Long> increments) {
        statistics.add(message.accountId(), Statistics.day(message.createdAt()), new EnumMap<>(increments));
    }
}
