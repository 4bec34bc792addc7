package smsplatform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.Caller;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.HistoryEntry;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.ReviewResult;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;

/**
 * DESIGN §5.5: a signature's item stays far below DynamoDB's 400 KB whatever happens to it. Every field
 * an applicant or reviewer controls is at its largest (strings of control characters, which JSON
 * escapes to six bytes each), and random sequences of every operation run on it.
 */
class SignatureSizeBoundTest {

    static final int ITEM_LIMIT = 400 * 1024;
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    enum Step { MODIFY, UPLOAD, AUTOMATIC_REVIEW, REJECT, APPROVE, DISCARDED_DECISION }

    static String worst(int length) {
        return "\u0001".repeat(length);
    }

    static SignatureApplication largest() {
        Map<String, String> entity = new LinkedHashMap<>();
        for (String field : List.of("name", "appStoreUrl", "domain", "icpNumber", "wechatAccountName", "trademarkNumber")) {
            entity.put(field, worst(256));
        }
        return new SignatureApplication("测试名称一二三四五六七八", SignatureType.APP, SignaturePurpose.FOR_OTHERS, false,
                entity, worst(500));
    }

    static Signature largestSignature() {
        Map<DocumentKind, SignatureDocument> documents = new EnumMap<>(DocumentKind.class);
        for (DocumentKind kind : DocumentKind.values()) {
            documents.put(kind, document(kind, 0));
        }
        return new Signature(new AccountId("a".repeat(64)), AccountType.ENTERPRISE, new SignatureId("sig-" + "0".repeat(26)), T0, largest(),
                SignatureStatus.AWAITING_DOCUMENTS, null, documents, List.of(), null,
                List.of(new HistoryEntry(T0, null, SignatureStatus.AWAITING_DOCUMENTS, Signature.APPLICANT, null, null)), 0, List.of(),
                T0, 0);
    }

    static SignatureDocument document(DocumentKind kind, int sequence) {
        return new SignatureDocument(kind, true, worst(100), 5L * 1024 * 1024, "f".repeat(64), T0, null,
                "evidence/" + "a".repeat(64) + "/sig-x/" + kind + "/up-" + "0".repeat(26) + "/" + "f".repeat(64),
                String.format("%016X", sequence));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 60)
    void noSequenceOfRequestsGrowsASignatureItemTowardsDynamoDbsLimit(@ForAll("steps") List<Step> steps) {
        Signature signature = largestSignature();
        String reviewer = worst(Caller.MAX_SUBJECT);
        List<ReasonCode> every = Arrays.asList(ReasonCode.values());
        int sequence = 1;
        for (Step step : steps) {
            switch (step) {
                case MODIFY -> {
                    if (signature.status() != SignatureStatus.APPROVED) {
                        signature.modify(largest(), T0);
                    }
                }
                case UPLOAD -> signature.recordDocument(document(DocumentKind.AUTHORIZATION_LETTER, sequence++), T0);
                case AUTOMATIC_REVIEW -> {
                    if (signature.awaitsAutomaticReview()) {
                        signature.completeAutomaticReview(List.of(), List.of(), T0);
                    }
                }
                case REJECT -> {
                    if (signature.awaitsReviewer()) {
                        signature.reject(reviewer, new ReviewDecision.Key(ReviewDecision.REJECT, 12345678), every, worst(1000), T0);
                    }
                }
                case APPROVE -> {
                    if (signature.awaitsReviewer()) {
                        signature.approve(reviewer, new ReviewDecision.Key(ReviewDecision.APPROVE, 12345678), T0);
                    }
                }
                case DISCARDED_DECISION -> signature.recordDiscardedDecision(reviewer, new ReviewDecision.Key(ReviewDecision.REJECT, 12345678), T0);
            }
            assertThat(signature.history()).hasSizeLessThanOrEqualTo(Signature.MAX_HISTORY);
            assertThat(signature.history().stream().filter(HistoryEntry::discarded)).hasSizeLessThanOrEqualTo(
                    Signature.MAX_DISCARDED);
        }
        Signature stored = SignatureJson.fromStored(SignatureJson.toStored(signature), signature.version());
        byte[] item = Json.write(SignatureJson.toStored(stored)).getBytes(StandardCharsets.UTF_8);
        assertThat(item.length).as("the stored signature, with room for the item's key attributes")
                .isLessThan(ITEM_LIMIT / 2);
    }

    @Example
    void fifteenHundredStaleDecisionsKeepTheMeaningfulHistory() {
        Signature signature = largestSignature();
        for (int i = 0; i < 1500; i++) {
            signature.recordDiscardedDecision("reviewer-" + i, new ReviewDecision.Key(ReviewDecision.APPROVE, i), T0);
        }
        assertThat(signature.history().get(0).to()).isEqualTo(SignatureStatus.AWAITING_DOCUMENTS);
        assertThat(signature.history()).hasSize(1 + Signature.MAX_DISCARDED);
        assertThat(signature.historyOmitted()).isEqualTo(1500 - Signature.MAX_DISCARDED);
        assertThat(signature.history().get(Signature.MAX_DISCARDED).actor()).isEqualTo("reviewer-1499");
    }

    @Example
    void reviewOutcomesKeepDistinctDeduplicationIdsOnceTheHistoryIsTrimmed() {
        Signature signature = largestSignature();
        Set<String> ids = new HashSet<>();
        for (int round = 0; round < 60; round++) {
            signature.modify(largest(), T0);
            signature.recordDocument(document(DocumentKind.AUTHORIZATION_LETTER, round + 1), T0);
            signature.completeAutomaticReview(List.of(), List.of(), T0);
            signature.reject("reviewer", new ReviewDecision.Key(ReviewDecision.REJECT, round), List.of(ReasonCode.OTHER), "again", T0);
            List<ReviewResult> pending = signature.outbox();
            assertThat(ids.add(pending.get(pending.size() - 1).deduplicationId())).as("round " + round).isTrue();
            signature.published(pending);
        }
        assertThat(signature.historyOmitted()).isPositive();
    }
}
