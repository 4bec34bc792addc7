package smsplatform.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.ports.Statistics;

/** The statistics port in memory, for fast tests: the same contract as DynamoStatistics (atomic adds, zero days). */
public final class InMemoryStatistics implements Statistics {

    private final Map<String, Map<Counter, Long>> counters = new HashMap<>();

    @Override
    public synchronized void add(AccountId accountId, LocalDate day, Map<Counter, Long> increments) {
        Map<Counter, Long> held = counters.computeIfAbsent(accountId + "/" + day, k -> new EnumMap<>(Counter.class));
        increments.forEach((counter, increment) -> held.merge(counter, increment, Long::sum));
    }

    @Override
    public synchronized List<Day> read(AccountId accountId, LocalDate from, LocalDate to) {
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<Counter, Long> held = counters.getOrDefault(accountId + "/" + day, Map.of());
            days.add(new Day(day, held.getOrDefault(Counter.REQUESTED, 0L), held.getOrDefault(Counter.SENT, 0L),
                    held.getOrDefault(Counter.DELIVERED, 0L), held.getOrDefault(Counter.UNDELIVERED, 0L),
                    held.getOrDefault(Counter.FAILED, 0L), held.getOrDefault(Counter.FEE, 0L),
                    held.getOrDefault(Counter.OPTED_OUT, 0L)));
        }
        return days;
    }
}
