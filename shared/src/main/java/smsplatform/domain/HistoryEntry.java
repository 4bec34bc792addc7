package smsplatform.domain;

import java.time.Instant;
import java.util.List;

/** One transition of a signature: who moved it from which status to which, and why. */
public record HistoryEntry(Instant at, String from, String to, String actor, List<ReasonCode> reasons, String note) {
    public HistoryEntry {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
