package smsplatform.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import smsplatform.domain.AccountId;
import smsplatform.domain.OptOut;
import smsplatform.domain.Page;
import smsplatform.ports.OptOuts;

/** The opt-out lists in memory, with DynamoOptOuts' rule: the latest decision by time wins. */
final class InMemoryOptOuts implements OptOuts {

    private final Map<AccountId, TreeMap<String, OptOut>> lists = new ConcurrentHashMap<>();
    int batchedReads;

    @Override
    public synchronized Set<String> optedOut(AccountId accountId, Collection<String> numbers) {
        batchedReads += (numbers.size() + 99) / 100;
        TreeMap<String, OptOut> list = lists.getOrDefault(accountId, new TreeMap<>());
        return numbers.stream().filter(n -> list.containsKey(n) && list.get(n).optedOut()).collect(Collectors.toSet());
    }

    @Override
    public synchronized boolean decide(AccountId accountId, String number, boolean optedOut, Instant at, OptOut.Source source) {
        TreeMap<String, OptOut> list = lists.computeIfAbsent(accountId, a -> new TreeMap<>());
        OptOut current = list.get(number);
        if (current != null && current.at().isAfter(at)) {
            return false;
        }
        list.put(number, new OptOut(number, optedOut, at, source));
        return true;
    }

    @Override
    public synchronized Optional<OptOut> find(AccountId accountId, String number) {
        return Optional.ofNullable(lists.getOrDefault(accountId, new TreeMap<>()).get(number));
    }

    @Override
    public synchronized Page<OptOut> list(AccountId accountId, int limit, String afterNumber) {
        TreeMap<String, OptOut> list = lists.getOrDefault(accountId, new TreeMap<>());
        List<OptOut> items = new ArrayList<>();
        for (OptOut o : (afterNumber == null ? list : list.tailMap(afterNumber, false)).values()) {
            if (o.optedOut()) {
                items.add(o);
            }
        }
        boolean more = items.size() > limit;
        List<OptOut> page = items.subList(0, Math.min(limit, items.size()));
        return new Page<>(page, more ? page.get(page.size() - 1).phoneNumber() : null,
                page.stream().map(OptOut::phoneNumber).toList());
    }
}
