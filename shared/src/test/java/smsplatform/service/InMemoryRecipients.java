package smsplatform.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.ports.MessageStore;
import smsplatform.ports.Recipients;

/** Acceptances in memory: which account's message each number received, and when. */
final class InMemoryRecipients implements Recipients {

    private record Acceptance(String number, Instant at, MessageStore.Ref message) {}

    private final List<Acceptance> acceptances = new ArrayList<>();

    synchronized void accepted(String number, Instant at, AccountId accountId, SerialNo serialNo) {
        acceptances.add(new Acceptance(number, at, new MessageStore.Ref(accountId, serialNo)));
    }

    @Override
    public synchronized Optional<MessageStore.Ref> lastMessageTo(String number, Instant since, Instant until) {
        return acceptances.stream().filter(a -> a.number().equals(number) && !a.at().isBefore(since) && !a.at().isAfter(until))
                .max(Comparator.comparing(Acceptance::at)).map(Acceptance::message);
    }
}
