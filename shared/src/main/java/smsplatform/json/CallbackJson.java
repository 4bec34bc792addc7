package smsplatform.json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.callbacks.CallbackFailure;
import smsplatform.domain.callbacks.CallbackSubscription;
import smsplatform.domain.callbacks.QueuedCallback;

/**
 * Callbacks as JSON: the subscription the API shows, the body POSTed to the customer, the callback
 * queue's message and a failure (stored and shown alike).
 */
public final class CallbackJson {

    private CallbackJson() {}

    /** The secret only where it is shown once: at creation and rotation. */
    public static Map<String, Object> subscription(CallbackSubscription s, boolean withSecret) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.url());
        m.put("events", s.events().stream().map(Enum::name).sorted().toList());
        if (withSecret) {
            m.put("secret", s.secret());
        }
        m.put("createdAt", s.createdAt().toString());
        m.put("updatedAt", s.updatedAt().toString());
        return m;
    }

    /** What the customer's URL receives (DESIGN §11): the account is implied by the subscription. */
    public static String delivery(CallbackEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", event.eventId());
        m.put("type", event.type().name());
        m.put("occurredAt", event.occurredAt().toString());
        m.put("data", event.data());
        return Json.write(m);
    }

    /** The callback queue's body: {@code {"eventId","type","accountId","occurredAt","data"}}. */
    public static Map<String, Object> event(CallbackEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", event.eventId());
        m.put("type", event.type().name());
        m.put("accountId", event.accountId().value());
        m.put("occurredAt", event.occurredAt().toString());
        m.put("data", event.data());
        return m;
    }

    /** The event's body, plus its delivery state once it has one. */
    public static String queued(QueuedCallback q) {
        Map<String, Object> m = event(q.event());
        if (q.attempts() > 0) {
            m.put("attempts", q.attempts());
        }
        if (q.firstAttemptAt() != null) {
            m.put("firstAttemptAt", q.firstAttemptAt().toString());
        }
        if (q.notBefore() != null) {
            m.put("notBefore", q.notBefore().toString());
        }
        return Json.write(m);
    }

    /** Reads a queue body back; a body that is not one throws (its message goes to the DLQ). */
    public static QueuedCallback readQueued(String body) {
        Map<String, Object> m = Json.parseObject(body);
        CallbackEvent event = readEvent(m);
        Object attempts = m.get("attempts");
        return new QueuedCallback(event, attempts instanceof Number n ? n.intValue() : 0,
                instant(m, "firstAttemptAt"), instant(m, "notBefore"));
    }

    @SuppressWarnings("unchecked")
    private static CallbackEvent readEvent(Map<String, Object> m) {
        return new CallbackEvent(string(m, "eventId"), CallbackEvent.Type.valueOf(string(m, "type")),
                new AccountId(string(m, "accountId")), Instant.parse(string(m, "occurredAt")),
                m.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of());
    }

    /**
     * A message of the review results queue ({@code SqsReviewResults}) as a REVIEW_RESULT event. Its id is
     * derived from the result's deduplication id, so a result read twice is the same event.
     */
    public static CallbackEvent reviewResult(Map<String, Object> m, String deduplicationId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", string(m, "kind"));
        for (String id : List.of("signatureId", "templateId")) {
            if (m.get(id) instanceof String value) {
                data.put(id, value);
            }
        }
        data.put("name", m.get("name"));
        data.put("status", string(m, "status"));
        data.put("reasons", m.get("reasons") instanceof List<?> reasons ? reasons : List.of());
        return new CallbackEvent("review-" + deduplicationId.replace('#', '-'), CallbackEvent.Type.REVIEW_RESULT,
                new AccountId(string(m, "accountId")), Instant.parse(string(m, "at")), data);
    }

    public static Map<String, Object> failure(CallbackFailure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", f.event().eventId());
        m.put("type", f.event().type().name());
        m.put("occurredAt", f.event().occurredAt().toString());
        m.put("data", f.dataOmitted() ? null : f.event().data());
        m.put("dataOmitted", f.dataOmitted());
        m.put("url", f.url());
        m.put("attempts", f.attempts());
        m.put("firstAttemptAt", f.firstAttemptAt().toString());
        m.put("failedAt", f.failedAt().toString());
        m.put("lastError", f.lastError());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static CallbackFailure readFailure(AccountId accountId, Map<String, Object> m) {
        boolean omitted = Boolean.TRUE.equals(m.get("dataOmitted"));
        CallbackEvent event = new CallbackEvent(string(m, "eventId"), CallbackEvent.Type.valueOf(string(m, "type")),
                accountId, Instant.parse(string(m, "occurredAt")),
                !omitted && m.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of());
        return new CallbackFailure(event, omitted, string(m, "url"), ((Number) m.get("attempts")).intValue(),
                Instant.parse(string(m, "firstAttemptAt")), Instant.parse(string(m, "failedAt")),
                (String) m.get("lastError"));
    }

    private static String string(Map<String, Object> m, String name) {
        if (!(m.get(name) instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return s;
    }

    private static Instant instant(Map<String, Object> m, String name) {
        return m.get(name) instanceof String s ? Instant.parse(s) : null;
    }
}
