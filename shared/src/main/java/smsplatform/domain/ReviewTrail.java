package smsplatform.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What an application under review keeps of its past: the history, bounded so that no sequence of
 * requests can grow an item towards DynamoDB's 400 KB (the first entry and the latest ones, with at
 * most {@link #MAX_DISCARDED} discarded decisions among them; {@code omitted} counts what was left
 * out), and the outbox of results decided but not yet published (a transactional outbox).
 */
final class ReviewTrail {

    static final int MAX_HISTORY = 50;
    static final int MAX_DISCARDED = 5;
    /** Only a results queue down for many review rounds could fill it. */
    static final int MAX_OUTBOX = 10;

    private final List<HistoryEntry> history;
    private int omitted;
    private final List<ReviewResult> outbox;

    ReviewTrail(List<HistoryEntry> history, int omitted, List<ReviewResult> outbox) {
        this.history = new ArrayList<>(history);
        this.omitted = omitted;
        this.outbox = new ArrayList<>(outbox);
    }

    /** Appends to the history, then trims it to its bounds: oldest discarded decisions first, then the oldest. */
    void record(HistoryEntry entry) {
        history.add(entry);
        List<HistoryEntry> discarded = history.stream().filter(HistoryEntry::discarded).toList();
        if (discarded.size() > MAX_DISCARDED) {
            history.remove(discarded.get(0));
            omitted++;
        }
        while (history.size() > MAX_HISTORY) {
            history.remove(1);
            omitted++;
        }
    }

    /** Records a transition, and the result to publish when it ends the review. */
    void transition(HistoryEntry entry, AccountId accountId, ApplicationId id, String name,
                    ReviewResult.Outcome outcome) {
        record(entry);
        if (outcome != null) {
            outbox.add(new ReviewResult(accountId, id, name, outcome, entry.reasons(), entry.at(),
                    omitted + history.size() - 1));
            if (outbox.size() > MAX_OUTBOX) {
                outbox.remove(0); // superseded by the later outcomes still waiting
            }
        }
    }

    void published(List<ReviewResult> results) {
        outbox.removeAll(results);
    }

    List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    int omitted() {
        return omitted;
    }

    List<ReviewResult> outbox() {
        return List.copyOf(outbox);
    }
}
