package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/**
 * One transition of an application: who moved it from which status to which, and why. {@code discarded}:
 * a reviewer decision that could no longer apply (recorded, but changes nothing). {@code decision}: the
 * reviewer's decision the entry records, or null.
 */
public record HistoryEntry(Instant at, ApplicationStatus from, ApplicationStatus to, String actor,
                           List<ReasonCode> reasons, String note, boolean discarded, ReviewDecision.Key decision) {
    public HistoryEntry {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public HistoryEntry(Instant at, ApplicationStatus from, ApplicationStatus to, String actor, List<ReasonCode> reasons,
                        String note) {
        this(at, from, to, actor, reasons, note, false, null);
    }

    HistoryEntry deciding(ReviewDecision.Key key) {
        return new HistoryEntry(at, from, to, actor, reasons, note, discarded, key);
    }

    HistoryEntry asDiscarded() {
        return new HistoryEntry(at, from, to, actor, reasons, note, true, decision);
    }
}
