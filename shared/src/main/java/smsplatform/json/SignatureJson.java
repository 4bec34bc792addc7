package smsplatform.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.DocumentGroup;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.DocumentProblem;
import smsplatform.domain.ReviewStage;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;

/**
 * The {@code <Signature>} representation of DESIGN §4, and its stored form (the public view plus the
 * owner and object keys, which the API never shows).
 */
public final class SignatureJson {

    private SignatureJson() {}

    public static Map<String, Object> toApi(Signature s) {
        return write(s, false);
    }

    public static Map<String, Object> toStored(Signature s) {
        return write(s, true);
    }

    private static Map<String, Object> write(Signature s, boolean stored) {
        SignatureApplication app = s.application();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signatureId", s.signatureId().value());
        m.put("name", app.name());
        m.put("type", app.type().name());
        m.put("purpose", app.purpose().name());
        m.put("international", app.international());
        m.put("entity", new LinkedHashMap<>(app.entity()));
        if (app.remark() != null) {
            m.put("remark", app.remark());
        }
        m.put("status", s.status().name());
        if (s.reviewStage() != null) {
            m.put("reviewStage", s.reviewStage().name());
        }
        List<Object> required = new ArrayList<>();
        for (DocumentGroup g : s.requiredDocuments()) {
            required.add(Map.of("anyOf", g.anyOf().stream().map(Enum::name).toList()));
        }
        m.put("requiredDocuments", required);
        List<Object> docs = new ArrayList<>();
        for (SignatureDocument d : s.documents().values().stream()
                .sorted((a, b) -> a.kind().compareTo(b.kind())).toList()) {
            docs.add(document(d, stored));
        }
        m.put("documents", docs);
        ReviewJson.writeReview(m, s.findings(), s.rejection(), s.history(), s.historyOmitted(), stored);
        m.put("createdAt", s.createdAt().toString());
        m.put("updatedAt", s.updatedAt().toString());
        m.put("version", s.version());
        if (stored) {
            m.put("accountId", s.accountId().value());
            m.put("accountType", s.accountType().name());
            m.put("outbox", ReviewJson.outbox(s.outbox()));
        }
        return m;
    }

    private static Map<String, Object> document(SignatureDocument d, boolean stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name());
        m.put("status", d.status());
        m.put("contentType", d.contentType());
        m.put("size", d.size());
        m.put("sha256", d.sha256());
        m.put("uploadedAt", d.uploadedAt().toString());
        if (d.problem() != null) {
            m.put("problem", Map.of("code", d.problem().name(), "message", d.problem().message()));
        }
        if (stored) {
            m.put("objectKey", d.objectKey());
            m.put("sequencer", d.sequencer());
        }
        return m;
    }

    /** Reads the stored form back; {@code version} comes from the item, which is authoritative. */
    @SuppressWarnings("unchecked")
    public static Signature fromStored(Map<String, Object> m, long version) {
        Map<String, String> entity = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("entity")).forEach((k, v) -> entity.put(k, String.valueOf(v)));
        SignatureApplication app = new SignatureApplication(
                (String) m.get("name"),
                SignatureType.valueOf((String) m.get("type")),
                SignaturePurpose.valueOf((String) m.get("purpose")),
                Boolean.TRUE.equals(m.get("international")),
                entity,
                (String) m.get("remark"));
        Map<DocumentKind, SignatureDocument> docs = new EnumMap<>(DocumentKind.class);
        for (Object o : (List<Object>) m.get("documents")) {
            Map<String, Object> d = (Map<String, Object>) o;
            Map<String, Object> problem = (Map<String, Object>) d.get("problem");
            SignatureDocument doc = new SignatureDocument(
                    DocumentKind.valueOf((String) d.get("kind")),
                    "VALID".equals(d.get("status")),
                    (String) d.get("contentType"),
                    ((Number) d.get("size")).longValue(),
                    (String) d.get("sha256"),
                    Instant.parse((String) d.get("uploadedAt")),
                    problem == null ? null : DocumentProblem.valueOf((String) problem.get("code")),
                    (String) d.get("objectKey"),
                    (String) d.get("sequencer"));
            docs.put(doc.kind(), doc);
        }
        String stage = (String) m.get("reviewStage");
        SignatureId id = new SignatureId((String) m.get("signatureId"));
        return new Signature(
                new AccountId((String) m.get("accountId")),
                AccountType.valueOf((String) m.get("accountType")),
                id,
                Instant.parse((String) m.get("createdAt")),
                app,
                SignatureStatus.valueOf((String) m.get("status")),
                stage == null ? null : ReviewStage.valueOf(stage),
                docs, ReviewJson.readFindings(m), ReviewJson.readRejection(m), ReviewJson.readHistory(m, SignatureStatus::valueOf),
                ReviewJson.readHistoryOmitted(m),
                ReviewJson.readOutbox(m, id),
                Instant.parse((String) m.get("updatedAt")),
                version);
    }
}
