package smsplatform.json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.domain.ReviewStage;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;

/** The {@code <Template>} representation of DESIGN §10, and its stored form (plus the owner and outbox). */
public final class TemplateJson {

    private TemplateJson() {}

    public static Map<String, Object> toApi(Template t) {
        return write(t, false);
    }

    public static Map<String, Object> toStored(Template t) {
        return write(t, true);
    }

    private static Map<String, Object> write(Template t, boolean stored) {
        TemplateApplication app = t.application();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("templateId", t.templateId().value());
        m.put("name", app.name());
        m.put("type", app.type().name());
        m.put("international", app.international());
        m.put("content", app.content());
        m.put("variables", app.variables().stream().map(v -> (Object) Map.of("kind", v.name())).toList());
        m.put("remark", app.remark());
        m.put("status", t.status().name());
        if (t.reviewStage() != null) {
            m.put("reviewStage", t.reviewStage().name());
        }
        ReviewJson.writeReview(m, t.findings(), t.rejection(), t.history(), t.historyOmitted(), stored);
        m.put("createdAt", t.createdAt().toString());
        m.put("updatedAt", t.updatedAt().toString());
        m.put("version", t.version());
        if (stored) {
            m.put("accountId", t.accountId().value());
            m.put("outbox", ReviewJson.outbox(t.outbox()));
        }
        return m;
    }

    /** Reads the stored form back; {@code version} comes from the item, which is authoritative. */
    @SuppressWarnings("unchecked")
    public static Template fromStored(Map<String, Object> m, long version) {
        List<VariableKind> variables = ((List<Object>) m.get("variables")).stream()
                .map(v -> VariableKind.valueOf((String) ((Map<String, Object>) v).get("kind"))).toList();
        TemplateApplication app = new TemplateApplication((String) m.get("name"),
                TemplateType.valueOf((String) m.get("type")), Boolean.TRUE.equals(m.get("international")),
                (String) m.get("content"), variables, (String) m.get("remark"));
        String stage = (String) m.get("reviewStage");
        TemplateId id = new TemplateId((String) m.get("templateId"));
        return new Template(new AccountId((String) m.get("accountId")), id, Instant.parse((String) m.get("createdAt")), app,
                TemplateStatus.valueOf((String) m.get("status")), stage == null ? null : ReviewStage.valueOf(stage),
                ReviewJson.readFindings(m), ReviewJson.readRejection(m), ReviewJson.readHistory(m, TemplateStatus::valueOf),
                ReviewJson.readHistoryOmitted(m), ReviewJson.readOutbox(m, id),
                Instant.parse((String) m.get("updatedAt")), version);
    }
}
