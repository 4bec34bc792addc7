package smsplatform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.TestIds;
import smsplatform.domain.VariableKind;

/** The history as the API shows it (unchanged by typed state) and as the store keeps it (with decision keys). */
class TemplateJsonHistoryTest {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    static Template approved() {
        Template t = Template.apply(new AccountId("acme"), TestIds.template("1"), new TemplateApplication("Login code", TemplateType.VERIFICATION_CODE,
                false, "Your code is {1}.", List.of(VariableKind.CODE), "Codes"), T0);
        t.completeAutomaticReview(List.of(), List.of(), T0);
        t.recordDiscardedDecision("reviewer-2", new ReviewDecision.Key(ReviewDecision.REJECT, 1), T0);
        t.approve("reviewer-1", new ReviewDecision.Key(ReviewDecision.APPROVE, 2), T0);
        return t;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> history(Map<String, Object> json) {
        return (List<Map<String, Object>>) json.get("history");
    }

    @Test
    void theApiShowsStatusNamesAndNotesAndNoDecisionKeys() {
        List<Map<String, Object>> history = history(Json.parseObject(Json.write(TemplateJson.toApi(approved()))));
        assertThat(history).extracting(h -> h.get("from"), h -> h.get("to")).containsExactly(
                Tuple.tuple(null, "IN_REVIEW"),
                Tuple.tuple("IN_REVIEW", "IN_REVIEW"),
                Tuple.tuple("IN_REVIEW", "IN_REVIEW"),
                Tuple.tuple("IN_REVIEW", "APPROVED"));
        assertThat(history.get(2).get("note"))
                .isEqualTo("decision REJECT for version 1 discarded: the template is now at version 0 in status IN_REVIEW");
        assertThat(history.get(3).get("note")).isEqualTo("decision APPROVE for version 2");
        assertThat(history).allSatisfy(h -> assertThat(h).doesNotContainKey("decision"));
    }

    @Test
    void theStoredFormKeepsEachDecisionsKeyAndReadsItBackTyped() {
        Template t = approved();
        Template read = TemplateJson.fromStored(Json.parseObject(Json.write(TemplateJson.toStored(t))), t.version());
        assertThat(read.history()).isEqualTo(t.history());
        assertThat(read.history().get(3).to()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(read.history().get(2).decision()).isEqualTo(new ReviewDecision.Key(ReviewDecision.REJECT, 1));
    }
}
