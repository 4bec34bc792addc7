package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/**
 * One transition of a signature: who moved it from which status to which, and why. {@code discarded}:
 * a reviewer decision that could no longer apply (recorded, but changes nothing).
 */
public record HistoryEntry(Instant at, String from, String to, String actor, List<ReasonCode> reasons, String note,
                           boolean discarded) {
    public HistoryEntry {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public HistoryEntry(Instant at, String from, String to, String actor, List<ReasonCode> reasons, String note) {
        this(at, from, to, actor, reasons, note, false);
    }

    HistoryEntry asDiscarded() {
        return new HistoryEntry(at, from, to, actor, reasons, note, true);
    }
}
