package smsplatform.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.Finding;
import smsplatform.domain.HistoryEntry;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.Rejection;
import smsplatform.domain.ReviewResult;

/** The review part every application shows and stores: findings, rejection, history and outbox. */
final class ReviewJson {

    private ReviewJson() {}

    static void writeReview(Map<String, Object> m, List<Finding> findings, Rejection rejection,
                            List<HistoryEntry> entries, int historyOmitted) {
        m.put("findings", findings.stream().map(f -> (Object) Map.of(
                "code", f.code(), "severity", f.severity().name(), "message", f.message())).toList());
        if (rejection != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("reasons", reasons(rejection.reasons()));
            if (rejection.comment() != null) {
                r.put("comment", rejection.comment());
            }
            r.put("rejectedAt", rejection.rejectedAt().toString());
            m.put("rejection", r);
        }
        List<Object> history = new ArrayList<>();
        for (HistoryEntry h : entries) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", h.at().toString());
            e.put("from", h.from());
            e.put("to", h.to());
            e.put("actor", h.actor());
            e.put("reasons", reasons(h.reasons()));
            if (h.note() != null) {
                e.put("note", h.note());
            }
            if (h.discarded()) {
                e.put("discarded", true);
            }
            history.add(e);
        }
        m.put("history", history);
        if (historyOmitted > 0) {
            m.put("historyOmitted", historyOmitted);
        }
    }

    static List<Object> outbox(List<ReviewResult> results) {
        List<Object> outbox = new ArrayList<>();
        for (ReviewResult r : results) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", r.outcome().name());
            e.put("reasons", r.reasons().stream().map(Enum::name).toList());
            e.put("at", r.at().toString());
            e.put("transition", r.transition());
            e.put("name", r.name());
            outbox.add(e);
        }
        return outbox;
    }

    static List<Object> reasons(List<ReasonCode> reasons) {
        return reasons.stream().map(r -> (Object) Map.of("code", r.name(), "message", r.message())).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Finding> readFindings(Map<String, Object> m) {
        List<Finding> findings = new ArrayList<>();
        for (Object o : (List<Object>) m.get("findings")) {
            Map<String, Object> f = (Map<String, Object>) o;
            findings.add(new Finding((String) f.get("code"), Finding.Severity.valueOf((String) f.get("severity")),
                    (String) f.get("message")));
        }
        return findings;
    }

    @SuppressWarnings("unchecked")
    static Rejection readRejection(Map<String, Object> m) {
        Map<String, Object> r = (Map<String, Object>) m.get("rejection");
        return r == null ? null : new Rejection(readReasons(r.get("reasons")), (String) r.get("comment"),
                Instant.parse((String) r.get("rejectedAt")));
    }

    @SuppressWarnings("unchecked")
    static List<HistoryEntry> readHistory(Map<String, Object> m) {
        List<HistoryEntry> history = new ArrayList<>();
        for (Object o : (List<Object>) m.get("history")) {
            Map<String, Object> h = (Map<String, Object>) o;
            history.add(new HistoryEntry(Instant.parse((String) h.get("at")), (String) h.get("from"),
                    (String) h.get("to"), (String) h.get("actor"), readReasons(h.get("reasons")),
                    (String) h.get("note"), Boolean.TRUE.equals(h.get("discarded"))));
        }
        return history;
    }

    static int readHistoryOmitted(Map<String, Object> m) {
        return ((Number) m.getOrDefault("historyOmitted", 0)).intValue();
    }

    @SuppressWarnings("unchecked")
    static List<ReviewResult> readOutbox(Map<String, Object> m, ApplicationKind kind, String id) {
        List<ReviewResult> outbox = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("outbox", List.of())) {
            Map<String, Object> e = (Map<String, Object>) o;
            outbox.add(new ReviewResult(kind, (String) m.get("accountId"), id, (String) e.get("name"),
                    ReviewResult.Outcome.valueOf((String) e.get("status")),
                    ((List<Object>) e.get("reasons")).stream().map(x -> ReasonCode.valueOf((String) x)).toList(),
                    Instant.parse((String) e.get("at")), ((Number) e.get("transition")).intValue()));
        }
        return outbox;
    }

    @SuppressWarnings("unchecked")
    private static List<ReasonCode> readReasons(Object list) {
        List<ReasonCode> out = new ArrayList<>();
        if (list != null) {
            for (Object o : (List<Object>) list) {
                out.add(ReasonCode.valueOf((String) ((Map<String, Object>) o).get("code")));
            }
        }
        return out;
    }
}
