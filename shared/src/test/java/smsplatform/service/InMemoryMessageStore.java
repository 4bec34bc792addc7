package smsplatform.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import smsplatform.domain.AccountId;
import smsplatform.domain.Receipt;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage.StatusChange;
import smsplatform.domain.SmsMessage;
import smsplatform.ports.MessageStore;

/** The message port in memory, for fast tests: every change conditional as in DynamoMessageStore. */
public final class InMemoryMessageStore implements MessageStore {

    private final Map<Ref, SmsMessage> messages = new LinkedHashMap<>();
    private final Set<Ref> unannounced = new LinkedHashSet<>();

    @Override
    public synchronized List<SerialNo> recordQueued(List<SmsMessage> queued, boolean mayExist) {
        List<SerialNo> serials = new ArrayList<>();
        for (SmsMessage m : queued) {
            SmsMessage existing = messages.putIfAbsent(new Ref(m.accountId(), m.serialNo()), m);
            if (existing == null || existing.status() == Status.QUEUED) {
                serials.add(m.serialNo());
            }
        }
        return serials;
    }

    @Override
    public synchronized Optional<SmsMessage> find(AccountId accountId, SerialNo serialNo) {
        return Optional.ofNullable(messages.get(new Ref(accountId, serialNo)));
    }

    @Override
    public synchronized boolean transition(AccountId accountId, SerialNo serialNo, Status expected, StatusChange change) {
        SmsMessage m = messages.get(new Ref(accountId, serialNo));
        if (m == null || m.status() != expected) {
            return false;
        }
        put(m, change.status(), change, m.carrierMessageId(), m.receipt());
        return true;
    }

    @Override
    public synchronized void note(AccountId accountId, SerialNo serialNo, SmsMessage.Cause cause, String detail) {
        SmsMessage m = messages.get(new Ref(accountId, serialNo));
        put(m, m.status(), cause.change(m.status(), Instant.now(), detail), m.carrierMessageId(), m.receipt());
    }

    @Override
    public synchronized List<Ref> pending(Status status, Instant lastChangeBefore, int limit) {
        return messages.values().stream().filter(m -> m.status() == status && !m.acceptedByCarrier()
                        && !m.lastChange().at().isAfter(lastChangeBefore))
                .limit(limit).map(m -> new Ref(m.accountId(), m.serialNo())).toList();
    }

    @Override
    public synchronized boolean transitionIfUnchanged(SmsMessage seen, StatusChange change) {
        SmsMessage m = messages.get(new Ref(seen.accountId(), seen.serialNo()));
        if (m == null || m.status() != seen.status() || !m.lastChange().equals(seen.lastChange())) {
            return false;
        }
        put(m, change.status(), change, m.carrierMessageId(), m.receipt());
        return true;
    }

    @Override
    public synchronized boolean recordAcceptance(AccountId accountId, SerialNo serialNo, String carrierMessageId,
                                                 StatusChange change) {
        SmsMessage m = messages.get(new Ref(accountId, serialNo));
        if (m == null || m.status() != Status.SENT || m.acceptedByCarrier()) {
            return false;
        }
        put(m, Status.SENT, change, carrierMessageId, null);
        return true;
    }

    @Override
    public synchronized boolean applyReceipt(AccountId accountId, SerialNo serialNo, StatusChange change, Receipt receipt) {
        SmsMessage m = messages.get(new Ref(accountId, serialNo));
        if (m == null || m.status() != Status.SENT) {
            return false;
        }
        put(m, change.status(), change, m.carrierMessageId(), receipt);
        return true;
    }

    @Override
    public synchronized List<Ref> unannounced(Instant settledBefore, int limit) {
        return unannounced.stream().filter(r -> !messages.get(r).lastChange().at().isAfter(settledBefore)).limit(limit).toList();
    }

    @Override
    public synchronized void announced(AccountId accountId, SerialNo serialNo) {
        unannounced.remove(new Ref(accountId, serialNo));
    }

    @Override
    public synchronized List<Ref> awaitingReceipt(Instant acceptedBefore, int limit) {
        return messages.values().stream().filter(m -> m.status() == Status.SENT && m.acceptedByCarrier()
                        && !m.lastChange().at().isAfter(acceptedBefore))
                .limit(limit).map(m -> new Ref(m.accountId(), m.serialNo())).toList();
    }

    private void put(SmsMessage m, Status status, StatusChange change, String carrierMessageId, Receipt receipt) {
        List<StatusChange> history = new ArrayList<>(m.statusHistory());
        history.add(change);
        if (status.isFinal()) {
            unannounced.add(new Ref(m.accountId(), m.serialNo()));
        }
        messages.put(new Ref(m.accountId(), m.serialNo()), new SmsMessage(m.accountId(), m.serialNo(), m.phoneNumber(),
                m.sign(), m.templateId(), m.text(), m.fee(), status, history, m.createdAt(), carrierMessageId, receipt));
    }
}
