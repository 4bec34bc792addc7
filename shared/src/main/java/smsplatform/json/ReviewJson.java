package smsplatform.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smsplatform.domain.AccountId;
import smsplatform.domain.ApplicationId;
import smsplatform.domain.ApplicationStatus;
import smsplatform.domain.Finding;
import smsplatform.domain.HistoryEntry;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.Rejection;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.ReviewResult;

/** The review part every application shows and stores: findings, rejection, history and outbox. */
final class ReviewJson {

    private ReviewJson() {}

    /** {@code stored}: with what only the store keeps (the decision each entry records). */
    static void writeReview(Map<String, Object> m, List<Finding> findings, Rejection rejection,
                            List<HistoryEntry> entries, int historyOmitted, boolean stored) {
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
            e.put("from", h.from() == null ? null : h.from().name());
            e.put("to", h.to().name());
            e.put("actor", h.actor());
            e.put("reasons", reasons(h.reasons()));
            if (h.note() != null) {
                e.put("note", h.note());
            }
            if (h.discarded()) {
                e.put("discarded", true);
            }
            if (stored && h.decision() != null) {
                e.put("decision", Map.of("decision", h.decision().decision().name(), "version", h.decision().version()));
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

    /** {@code status}: the kind's status by name. */
    @SuppressWarnings("unchecked")
    static List<HistoryEntry> readHistory(Map<String, Object> m, Function<String, ApplicationStatus> status) {
        List<HistoryEntry> history = new ArrayList<>();
        for (Object o : (List<Object>) m.get("history")) {
            Map<String, Object> h = (Map<String, Object>) o;
            String from = (String) h.get("from");
            String note = (String) h.get("note");
            history.add(new HistoryEntry(Instant.parse((String) h.get("at")), from == null ? null : status.apply(from),
                    status.apply((String) h.get("to")), (String) h.get("actor"), readReasons(h.get("reasons")),
                    note, Boolean.TRUE.equals(h.get("discarded")), readDecision(h.get("decision"), note)));
        }
        return history;
    }

    /** Items written before the key was stored carry the decision only in their note ("decision APPROVE for version 3…"). */
    private static final Pattern LEGACY_DECISION_NOTE = Pattern.compile("decision (APPROVE|REJECT) for version (\\d+)(?: .*)?",
            Pattern.DOTALL);

    @SuppressWarnings("unchecked")
    private static ReviewDecision.Key readDecision(Object stored, String note) {
        if (stored instanceof Map<?, ?> key) {
            Map<String, Object> k = (Map<String, Object>) key;
            return new ReviewDecision.Key(ReviewDecision.valueOf((String) k.get("decision")),
                    ((Number) k.get("version")).longValue());
        }
        Matcher legacy = note == null ? null : LEGACY_DECISION_NOTE.matcher(note);
        return legacy == null || !legacy.matches() ? null
                : new ReviewDecision.Key(ReviewDecision.valueOf(legacy.group(1)), Long.parseLong(legacy.group(2)));
    }

    static int readHistoryOmitted(Map<String, Object> m) {
        return ((Number) m.getOrDefault("historyOmitted", 0)).intValue();
    }

    @SuppressWarnings("unchecked")
    static List<ReviewResult> readOutbox(Map<String, Object> m, ApplicationId id) {
        List<ReviewResult> outbox = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("outbox", List.of())) {
            Map<String, Object> e = (Map<String, Object>) o;
            outbox.add(new ReviewResult(new AccountId((String) m.get("accountId")), id, (String) e.get("name"),
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
