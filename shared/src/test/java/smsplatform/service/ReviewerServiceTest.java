package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.Caller;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureType;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;
import smsplatform.ports.ReviewMessage;
import smsplatform.service.PullServiceTest.MovingClock;
import smsplatform.service.ReviewerService.PendingReview;
import smsplatform.support.Ids;

/** The reviewer's side on in-memory ports: the queue of applications, and decisions validated then only enqueued. */
class ReviewerServiceTest {

    final MovingClock clock = new MovingClock();
    final Ids.Source ids = Ids.random(clock);
    final InMemorySignatureStore signatures = new InMemorySignatureStore();
    final InMemoryTemplateStore templates = new InMemoryTemplateStore();
    final InMemoryCertificateStore bucket = new InMemoryCertificateStore();
    final List<ReviewMessage> reviewQueue = new ArrayList<>();
    final ReviewerService reviewer = new ReviewerService(signatures, templates,
            new InMemoryAwaitingReview(signatures, templates), bucket, reviewQueue::add);
    final Caller ops = new Caller(new AccountId("ops"), AccountType.ENTERPRISE, "reviewer-1", Set.of(Caller.REVIEWER_SCOPE));

    /** A signature of the account at the reviewer's stage: a valid licence kept as evidence, an invalid certificate. */
    Signature signatureAwaitingReviewer(AccountId account) {
        SignatureId id = new SignatureId(ids.next(SignatureId.PREFIX));
        Signature s = Signature.apply(account, AccountType.ENTERPRISE, id, new SignatureApplication("Acme Cloud",
                SignatureType.COMPANY, SignaturePurpose.SELF_USE, false, Map.of("name", "Acme Cloud Ltd."), null), clock.now);
        s.recordDocument(new SignatureDocument(DocumentKind.ORGANIZATION_CODE_CERTIFICATE, false, "text/plain", 3, "00",
                clock.now, null, null, "01"), clock.now);
        s.recordDocument(new SignatureDocument(DocumentKind.BUSINESS_LICENSE, true, "application/pdf", 9, "ab",
                clock.now, null, "evidence/" + account + "/" + id + "/BUSINESS_LICENSE/up-1/ab", "02"), clock.now);
        s.completeAutomaticReview(List.of(), List.of(), clock.now);
        return signatures.create(s, 10);
    }

    Template templateAwaitingReviewer(AccountId account) {
        Template t = Template.apply(account, new TemplateId(ids.next(TemplateId.PREFIX)), new TemplateApplication("Login code",
                TemplateType.VERIFICATION_CODE, false, "Your code is {1}.", List.of(VariableKind.CODE), "Codes"), clock.now);
        t.completeAutomaticReview(List.of(), List.of(), clock.now);
        return templates.create(t, 10);
    }

    void assertRefused(Runnable call, Failure.Category category, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.category()).isEqualTo(category);
            assertThat(f.code()).isEqualTo(code);
        });
        assertThat(reviewQueue).as("a refused decision enqueues nothing").isEmpty();
    }

    @Test
    void theQueueHoldsEveryAccountsApplicationsAwaitingAReviewerWithDownloadLinksForKeptDocumentsOnly() {
        Signature s = signatureAwaitingReviewer(new AccountId("acme"));
        Template t = templateAwaitingReviewer(new AccountId("globex"));
        Template.apply(new AccountId("acme"), new TemplateId(ids.next(TemplateId.PREFIX)), t.application(), clock.now); // never stored: not listed

        Page<PendingReview> both = reviewer.awaitingReviewer(ops, null, 50, null);
        assertThat(both.items()).extracting(p -> p.application().id()).containsExactlyInAnyOrder(s.signatureId(), t.templateId());
        PendingReview signature = reviewer.awaitingReviewer(ops, ApplicationKind.SIGNATURE, 50, null).items().get(0);
        assertThat(signature.documentUrls()).containsOnlyKeys("BUSINESS_LICENSE");
        assertThat(signature.documentUrls().get("BUSINESS_LICENSE"))
                .isEqualTo("memory:download/" + s.documents().get(DocumentKind.BUSINESS_LICENSE).objectKey());
        assertThat(reviewer.awaitingReviewer(ops, ApplicationKind.TEMPLATE, 50, null).items())
                .singleElement().satisfies(p -> {
                    assertThat(p.application().id()).isEqualTo(t.templateId());
                    assertThat(p.documentUrls()).isEmpty();
                });
    }

    @Test
    void aDecisionIsEnqueuedTypedWithDistinctReasonsAndTheReviewersSubjectAndChangesNothingYet() {
        Signature s = signatureAwaitingReviewer(new AccountId("acme"));
        ApplicationKind kind = reviewer.submitDecision(ops, s.signatureId(), ReviewDecision.REJECT,
                List.of(ReasonCode.DOCUMENT_UNREADABLE, ReasonCode.OTHER, ReasonCode.DOCUMENT_UNREADABLE), "blurry",
                s.version());
        assertThat(kind).isEqualTo(ApplicationKind.SIGNATURE);
        assertThat(reviewQueue).containsExactly(ReviewMessage.decision(new AccountId("acme"), s.signatureId(),
                s.version(), ReviewDecision.REJECT, List.of(ReasonCode.DOCUMENT_UNREADABLE, ReasonCode.OTHER), "blurry",
                "reviewer-1"));
        assertThat(signatures.find(new AccountId("acme"), s.signatureId()).orElseThrow().version()).isEqualTo(s.version());
    }

    @Test
    void aDecisionOnATemplateIsFoundByItsIdAlone() {
        Template t = templateAwaitingReviewer(new AccountId("globex"));
        assertThat(reviewer.submitDecision(ops, t.templateId(), ReviewDecision.APPROVE, List.of(), null, t.version()))
                .isEqualTo(ApplicationKind.TEMPLATE);
        assertThat(reviewQueue).singleElement().satisfies(m -> {
            assertThat(m.application()).isEqualTo(ApplicationKind.TEMPLATE);
            assertThat(m.accountId()).isEqualTo(new AccountId("globex"));
            assertThat(m.decisionKey()).isEqualTo(new ReviewDecision.Key(ReviewDecision.APPROVE, t.version()));
        });
    }

    @Test
    void aRejectionNeedsAReasonAndReasonOtherNeedsAComment() {
        Signature s = signatureAwaitingReviewer(new AccountId("acme"));
        assertRefused(() -> reviewer.submitDecision(ops, s.signatureId(), ReviewDecision.REJECT, List.of(), null, 1),
                Failure.Category.INVALID, "InvalidParameterValue.ReasonsRequired");
        assertRefused(() -> reviewer.submitDecision(ops, s.signatureId(), ReviewDecision.REJECT, List.of(ReasonCode.OTHER),
                " ", 1), Failure.Category.INVALID, "InvalidParameterValue.CommentRequired");
    }

    @Test
    void aReasonThatDoesNotApplyToTheKindOfApplicationIsRefused() {
        Signature s = signatureAwaitingReviewer(new AccountId("acme"));
        Template t = templateAwaitingReviewer(new AccountId("globex"));
        assertRefused(() -> reviewer.submitDecision(ops, s.signatureId(), ReviewDecision.REJECT,
                List.of(ReasonCode.MISSING_OPT_OUT), null, 1), Failure.Category.INVALID, "InvalidParameterValue");
        assertRefused(() -> reviewer.submitDecision(ops, t.templateId(), ReviewDecision.REJECT,
                List.of(ReasonCode.DOCUMENT_EXPIRED), null, 1), Failure.Category.INVALID, "InvalidParameterValue");
    }

    @Test
    void aReviewerNeverDecidesOnAnApplicationOfTheirOwnAccount() {
        Signature own = signatureAwaitingReviewer(new AccountId("ops"));
        assertRefused(() -> reviewer.submitDecision(ops, own.signatureId(), ReviewDecision.APPROVE, List.of(), null, 1),
                Failure.Category.FORBIDDEN, "AuthFailure.SelfReview");
    }

    @Test
    void aDecisionOnAnUnknownApplicationIsNotFound() {
        assertRefused(() -> reviewer.submitDecision(ops, new SignatureId(ids.next(SignatureId.PREFIX)), ReviewDecision.APPROVE, List.of(), null, 1),
                Failure.Category.NOT_FOUND, "ResourceNotFound");
    }

    @Test
    void aPageTokenIsBoundToTheListingItCameFrom() {
        signatureAwaitingReviewer(new AccountId("acme"));
        templateAwaitingReviewer(new AccountId("globex"));
        String token = PageTokens.bind(PageTokens.REVIEWS + ":SIGNATURE", new AccountId("ops"), "position");
        assertThatThrownBy(() -> reviewer.awaitingReviewer(ops, null, 50, token)).isInstanceOf(Failure.class);
    }
}
