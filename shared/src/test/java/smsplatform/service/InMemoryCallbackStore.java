package smsplatform.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import smsplatform.domain.AccountId;
import smsplatform.domain.Page;
import smsplatform.domain.callbacks.CallbackFailure;
import smsplatform.domain.callbacks.CallbackSubscription;
import smsplatform.ports.CallbackStore;

/** The callback store in memory, for fast service tests (one page holds every failure). */
final class InMemoryCallbackStore implements CallbackStore {

    final Map<AccountId, CallbackSubscription> subscriptions = new ConcurrentHashMap<>();
    final Map<AccountId, List<CallbackFailure>> failures = new ConcurrentHashMap<>();

    @Override
    public Optional<CallbackSubscription> find(AccountId accountId) {
        return Optional.ofNullable(subscriptions.get(accountId));
    }

    @Override
    public boolean create(CallbackSubscription subscription) {
        return subscriptions.putIfAbsent(subscription.accountId(), subscription) == null;
    }

    @Override
    public boolean update(CallbackSubscription subscription) {
        return subscriptions.replace(subscription.accountId(), subscription) != null;
    }

    @Override
    public boolean rotate(CallbackSubscription subscription) {
        return update(subscription);
    }

    @Override
    public void delete(AccountId accountId) {
        subscriptions.remove(accountId);
    }

    @Override
    public void recordFailure(AccountId accountId, CallbackFailure failure) {
        failures.computeIfAbsent(accountId, k -> new ArrayList<>()).add(failure);
    }

    @Override
    public Page<CallbackFailure> failures(AccountId accountId, int limit, String position) {
        List<CallbackFailure> all = new ArrayList<>(failures.getOrDefault(accountId, List.of()));
        all.sort(Comparator.comparing(CallbackFailure::firstAttemptAt).reversed());
        return new Page<>(all, null);
    }
}
