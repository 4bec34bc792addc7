package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.HistoryEntry;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.ReviewResult;
import smsplatform.domain.ReviewStage;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;
import smsplatform.ports.ReviewMessage;
import smsplatform.ports.ReviewResults;
import smsplatform.service.PullServiceTest.MovingClock;
import smsplatform.support.Ids;

/** The review-queue consumer on in-memory ports: automatic reviews, decisions applied once, results published once. */
class ReviewProcessorTest {

    final MovingClock clock = new MovingClock();
    final Ids.Source ids = Ids.random(clock);
    final InMemorySignatureStore signatures = new InMemorySignatureStore();
    final InMemoryTemplateStore templates = new InMemoryTemplateStore();
    final List<ReviewResult> published = new ArrayList<>();
    final ReviewProcessor processor = processor(published::add);

    ReviewProcessor processor(ReviewResults results) {
        return new ReviewProcessor(signatures, templates, results, clock);
    }

    Template submitted(TemplateApplication application) {
        return templates.create(Template.apply(new AccountId("acme"), new TemplateId(ids.next(TemplateId.PREFIX)), application, clock.now), 100);
    }

    static TemplateApplication code(String content, VariableKind... variables) {
        return new TemplateApplication("Login code", TemplateType.VERIFICATION_CODE, false, content, List.of(variables),
                "Sign-in codes");
    }

    Template awaitingReviewer() {
        Template t = submitted(code("Your verification code is {1}.", VariableKind.CODE));
        processor.process(ReviewMessage.automaticReview(new AccountId("acme"), t.templateId(), t.version()));
        return stored(t);
    }

    Template stored(Template t) {
        return templates.find(t.accountId(), t.templateId()).orElseThrow();
    }

    static ReviewMessage decision(Template t, long version, ReviewDecision decision, List<ReasonCode> reasons) {
        return ReviewMessage.decision(t.accountId(), t.templateId(), version, decision, reasons,
                reasons.contains(ReasonCode.OTHER) ? "see comment" : null, "reviewer-1");
    }

    @Test
    void aTemplateWithoutBlockingFindingsPassesTheAutomaticReviewToTheReviewer() {
        Template t = awaitingReviewer();
        assertThat(t.status()).isEqualTo(TemplateStatus.IN_REVIEW);
        assertThat(t.reviewStage()).isEqualTo(ReviewStage.MANUAL);
        assertThat(t.version()).isEqualTo(2);
        assertThat(published).isEmpty();
    }

    @Test
    void aBlockingFindingRejectsTheTemplateAndPublishesTheRejectionOnce() {
        Template t = submitted(code("Welcome to Acme Cloud."));
        ReviewMessage review = ReviewMessage.automaticReview(new AccountId("acme"), t.templateId(), t.version());
        processor.process(review);
        processor.process(review);
        assertThat(stored(t).status()).isEqualTo(TemplateStatus.REJECTED);
        assertThat(published).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ReviewResult.Outcome.REJECTED);
            assertThat(r.reasons()).contains(ReasonCode.VARIABLE_MISUSE);
        });
        assertThat(stored(t).outbox()).isEmpty();
    }

    @Test
    void anAutomaticReviewOfAnOlderVersionChangesNothing() {
        Template t = submitted(code("Your verification code is {1}.", VariableKind.CODE));
        processor.process(ReviewMessage.automaticReview(new AccountId("acme"), t.templateId(), t.version() + 1));
        assertThat(stored(t).version()).isEqualTo(t.version());
        assertThat(stored(t).awaitsAutomaticReview()).isTrue();
    }

    @Test
    void anApprovalIsAppliedAndPublishedOnceHoweverOftenItIsDelivered() {
        Template t = awaitingReviewer();
        ReviewMessage approve = decision(t, t.version(), ReviewDecision.APPROVE, List.of());
        processor.process(approve);
        long version = stored(t).version();
        processor.process(approve);
        processor.process(approve);

        Template after = stored(t);
        assertThat(after.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(after.version()).isEqualTo(version);
        assertThat(after.history()).filteredOn(h -> h.to() == TemplateStatus.APPROVED).singleElement().satisfies(h -> {
            assertThat(h.actor()).isEqualTo("reviewer-1");
            assertThat(h.note()).isEqualTo("decision APPROVE for version " + t.version());
            assertThat(h.decision()).isEqualTo(new ReviewDecision.Key(ReviewDecision.APPROVE, t.version()));
        });
        assertThat(published).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(ReviewResult.Outcome.APPROVED));
    }

    @Test
    void aRejectionRecordsItsReasonsAndCommentAndPublishesThem() {
        Template t = awaitingReviewer();
        processor.process(decision(t, t.version(), ReviewDecision.REJECT, List.of(ReasonCode.OTHER, ReasonCode.UNCLEAR_PURPOSE)));
        Template after = stored(t);
        assertThat(after.status()).isEqualTo(TemplateStatus.REJECTED);
        assertThat(after.rejection().reasons()).containsExactly(ReasonCode.OTHER, ReasonCode.UNCLEAR_PURPOSE);
        assertThat(after.rejection().comment()).isEqualTo("see comment");
        assertThat(published).singleElement().satisfies(r ->
                assertThat(r.reasons()).containsExactly(ReasonCode.OTHER, ReasonCode.UNCLEAR_PURPOSE));
    }

    @Test
    void aDecisionOnAnOlderVersionIsRecordedAsDiscardedOnceAndChangesNoStatus() {
        Template t = awaitingReviewer();
        ReviewMessage stale = decision(t, t.version() - 1, ReviewDecision.APPROVE, List.of());
        processor.process(stale);
        processor.process(stale);

        Template after = stored(t);
        assertThat(after.status()).isEqualTo(TemplateStatus.IN_REVIEW);
        assertThat(after.history()).filteredOn(HistoryEntry::discarded).singleElement().satisfies(h -> {
            assertThat(h.note()).isEqualTo("decision APPROVE for version " + (t.version() - 1)
                    + " discarded: the template is now at version " + t.version() + " in status IN_REVIEW");
            assertThat(h.from()).isEqualTo(TemplateStatus.IN_REVIEW);
            assertThat(h.to()).isEqualTo(TemplateStatus.IN_REVIEW);
        });
        assertThat(published).isEmpty();
    }

    @Test
    void aDecisionRecordedByAnOlderVersionOnlyInItsNoteIsStillRecognisedOnRedelivery() {
        Template t = awaitingReviewer();
        t.approve("reviewer-1", null, clock.now);
        Template legacy = new Template(t.accountId(), t.templateId(), t.createdAt(), t.application(), t.status(),
                t.reviewStage(), t.findings(), t.rejection(), t.history().stream().map(h -> h.to() != TemplateStatus.APPROVED ? h
                : new HistoryEntry(h.at(), h.from(), h.to(), h.actor(), h.reasons(), "decision APPROVE for version 2")).toList(),
                0, List.of(), t.updatedAt(), t.version());
        assertThat(templates.save(legacy)).isTrue();
        long version = stored(t).version();

        processor.process(decision(t, 2, ReviewDecision.APPROVE, List.of()));

        assertThat(stored(t).version()).as("nothing written again").isEqualTo(version);
        assertThat(stored(t).history()).filteredOn(h -> h.to() == TemplateStatus.APPROVED).singleElement()
                .satisfies(h -> assertThat(h.decision()).isEqualTo(new ReviewDecision.Key(ReviewDecision.APPROVE, 2)));
    }

    @Test
    void aCrashBeforeTheAnnouncementKeepsTheResultInTheOutboxAndTheRedeliveryAnnouncesItOnce() {
        Template t = awaitingReviewer();
        ReviewMessage approve = decision(t, t.version(), ReviewDecision.APPROVE, List.of());
        assertThatThrownBy(() -> processor(r -> { throw new IllegalStateException("results queue down"); }).process(approve))
                .hasMessage("results queue down");
        assertThat(stored(t).status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(stored(t).outbox()).hasSize(1);

        processor.process(approve);
        processor.process(approve);
        assertThat(published).hasSize(1);
        assertThat(stored(t).outbox()).isEmpty();
    }

    @Test
    void aMessageAboutAnApplicationThatNoLongerExistsIsIgnored() {
        Template t = awaitingReviewer();
        templates.delete(stored(t));
        processor.process(decision(t, t.version(), ReviewDecision.APPROVE, List.of()));
        assertThat(templates.find(new AccountId("acme"), t.templateId())).isEmpty();
        assertThat(published).isEmpty();
    }
}
