package smsplatform.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.SignatureId;
import smsplatform.domain.TemplateId;
import smsplatform.ports.ReviewMessage;

/** Review-queue message bodies. */
public final class ReviewMessageJson {

    private ReviewMessageJson() {}

    public static String write(ReviewMessage m) {
        return write(m, null);
    }

    /** With the id of the request that queued the message (the consumer logs its lines under it); null: none. */
    public static String write(ReviewMessage m, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", m.kind().name());
        body.put("accountId", m.accountId() == null ? null : m.accountId().value());
        body.put(m.application() == ApplicationKind.TEMPLATE ? "templateId" : "signatureId", m.applicationId().value());
        body.put("version", m.version());
        body.put("decision", m.decision() == null ? null : m.decision().name());
        body.put("reasons", m.reasons().stream().map(Enum::name).toList());
        body.put("comment", m.comment());
        body.put("reviewer", m.reviewer());
        body.put("requestId", requestId);
        body.values().removeIf(v -> v == null);
        return Json.write(body);
    }

    /** Throws IllegalArgumentException (or a ClassCastException) for a body that is not a review message. */
    @SuppressWarnings("unchecked")
    public static ReviewMessage read(String text) {
        Map<String, Object> m = Json.parseObject(text);
        Object version = m.get("version");
        boolean template = m.get("templateId") instanceof String;
        if (!(version instanceof Number) || !(template || m.get("signatureId") instanceof String)) {
            throw new IllegalArgumentException("not a review message");
        }
        return new ReviewMessage(
                ReviewMessage.Kind.valueOf((String) m.get("kind")),
                m.get("accountId") == null ? null : new AccountId((String) m.get("accountId")),
                template ? new TemplateId((String) m.get("templateId")) : new SignatureId((String) m.get("signatureId")),
                ((Number) version).longValue(),
                m.get("decision") == null ? null : ReviewDecision.valueOf((String) m.get("decision")),
                ((List<String>) m.getOrDefault("reasons", List.of())).stream().map(ReasonCode::valueOf).toList(),
                (String) m.get("comment"),
                (String) m.get("reviewer"));
    }
}
