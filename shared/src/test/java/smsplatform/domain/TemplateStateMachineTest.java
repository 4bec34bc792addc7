package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template state machine (DESIGN §10): IN_REVIEW (AUTOMATIC → MANUAL) → APPROVED | REJECTED. */
class TemplateStateMachineTest {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    static TemplateApplication code(boolean international) {
        return new TemplateApplication("Login code", TemplateType.VERIFICATION_CODE, international,
                "Your verification code is {1}.", List.of(VariableKind.CODE), "Sign-in codes");
    }

    static Template submitted() {
        return Template.apply(new AccountId("acme"), TestIds.template("1"), code(false), T0);
    }

    @Test
    void aNewTemplateGoesStraightToTheAutomaticReview() {
        Template t = submitted();
        assertThat(t.status()).isEqualTo(TemplateStatus.IN_REVIEW);
        assertThat(t.awaitsAutomaticReview()).isTrue();
        assertThat(t.history()).extracting(HistoryEntry::to).containsExactly(TemplateStatus.IN_REVIEW);
        assertThat(t.outcome()).isNull();
        assertThat(t.outbox()).isEmpty();
    }

    @Test
    void aBlockingFindingRejectsAtOnceAndAnnouncesTheRejection() {
        Template t = submitted();
        t.completeAutomaticReview(List.of(new Finding("MISSING_OPT_OUT", Finding.Severity.BLOCKING, "m")),
                List.of(ReasonCode.MISSING_OPT_OUT), T0);
        assertThat(t.status()).isEqualTo(TemplateStatus.REJECTED);
        assertThat(t.rejection().reasons()).containsExactly(ReasonCode.MISSING_OPT_OUT);
        assertThat(t.outbox()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ApplicationKind.TEMPLATE);
            assertThat(r.applicationId()).isEqualTo(TestIds.template("1"));
            assertThat(r.outcome()).isEqualTo(ReviewResult.Outcome.REJECTED);
        });
    }

    @Test
    void withoutBlockingFindingsTheReviewerDecidesAndAnApprovedTemplateCannotChange() {
        Template t = submitted();
        t.completeAutomaticReview(List.of(), List.of(), T0);
        assertThat(t.awaitsReviewer()).isTrue();
        assertThat(t.reviewStage()).isEqualTo(ReviewStage.MANUAL);
        t.approve("reviewer", new ReviewDecision.Key(ReviewDecision.APPROVE, 2), T0);
        assertThat(t.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(t.approved()).hasValueSatisfying(a -> {
            assertThat(a.international()).as("a domestic template").isFalse();
            assertThat(a.render(List.of("4821"))).isEqualTo("Your verification code is 4821.");
        });
        assertThatThrownBy(() -> t.modify(code(false), T0)).isInstanceOfSatisfying(Failure.class,
                f -> assertThat(f.code()).isEqualTo("FailedOperation.TemplateAlreadyPassedCheck"));
    }

    @Test
    void aRejectedTemplateModifiedIsReviewedAgainFromTheStartAndItsRegionCannotChange() {
        Template t = submitted();
        t.completeAutomaticReview(List.of(), List.of(), T0);
        t.reject("reviewer", new ReviewDecision.Key(ReviewDecision.REJECT, 2), List.of(ReasonCode.UNCLEAR_PURPOSE), null, T0);
        assertThatThrownBy(() -> t.modify(code(true), T0)).isInstanceOfSatisfying(Failure.class,
                f -> assertThat(f.code()).isEqualTo("InvalidParameterValue.InternationalImmutable"));
        t.modify(code(false), T0);
        assertThat(t.awaitsAutomaticReview()).isTrue();
        assertThat(t.rejection()).isNull();
        assertThat(t.findings()).isEmpty();
        assertThat(t.approved()).as("not approved: nothing to send with").isEmpty();
    }

    @Test
    void aDiscardedDecisionIsRecordedWithoutChangingTheStatus() {
        Template t = submitted();
        t.recordDiscardedDecision("reviewer", new ReviewDecision.Key(ReviewDecision.APPROVE, 7), T0);
        assertThat(t.status()).isEqualTo(TemplateStatus.IN_REVIEW);
        assertThat(t.history()).last().satisfies(h -> assertThat(h.discarded()).isTrue());
    }

    @Test
    void theHistoryStaysBoundedWhateverTheApplicantDoes() {
        Template t = submitted();
        for (int i = 0; i < 200; i++) {
            t.completeAutomaticReview(List.of(), List.of(), T0);
            t.recordDiscardedDecision("reviewer", new ReviewDecision.Key(ReviewDecision.APPROVE, i), T0);
            t.reject("reviewer", new ReviewDecision.Key(ReviewDecision.REJECT, i), List.of(ReasonCode.OTHER), "no", T0);
            t.modify(code(false), T0);
        }
        assertThat(t.history()).hasSizeLessThanOrEqualTo(Signature.MAX_HISTORY);
        assertThat(t.history().stream().filter(HistoryEntry::discarded)).hasSizeLessThanOrEqualTo(Signature.MAX_DISCARDED);
        assertThat(t.historyOmitted() + t.history().size()).isEqualTo(1 + 200 * 4);
        assertThat(t.outbox()).hasSizeLessThanOrEqualTo(Signature.MAX_OUTBOX);
        assertThat(t.history().get(0).to()).as("the first entry is kept").isEqualTo(TemplateStatus.IN_REVIEW);
    }

    @Test
    void aReviewerMayRejectATemplateOnlyForATemplateReason() {
        Template t = submitted();
        assertThat(t.rejectableFor(ReasonCode.MISSING_OPT_OUT)).isTrue();
        assertThat(t.rejectableFor(ReasonCode.OTHER)).isTrue();
        assertThat(t.rejectableFor(ReasonCode.DOCUMENT_EXPIRED)).isFalse();
    }
}
