package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoIdempotencyStore;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.Caller;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureDocument;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureType;
import smsplatform.functions.review.ReviewerApiHandler;
import smsplatform.http.ApiHandler;
import smsplatform.json.Json;
import smsplatform.support.Ids;

/**
 * DESIGN §4: no response may exceed Lambda's 6 MB. A queue of the largest applications the rules allow
 * (every field at its limit in the costliest character to escape, a full history of rejections and
 * discarded decisions by a reviewer with the longest subject) is listed 100 at a time, the largest
 * page, through the real handler over the emulators: it stays under the limit, and the pages together
 * hold every application exactly once. (Pages are also cut at {@code ApiResponses.PAGE_BUDGET}, which
 * these bounded items do not reach; {@code PageTest} covers the cut.)
 */
@ResourceLock(AwsBackend.LOCK)
class ReviewPageSizeIntegrationTest {

    static final long LAMBDA_RESPONSE_LIMIT = 6L * 1024 * 1024;
    static final String ACCOUNT_PREFIX = "bigpage-";

    static AwsBackend backend;
    static DynamoSignatureStore store;
    static final List<Signature> seeded = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        backend = AwsBackend.selected();
        store = new DynamoSignatureStore(backend.dynamo, backend.table());
        Ids.Source ids = Ids.random(Clock.systemUTC());
        for (int i = 0; i < 100; i++) {
            String digits = "零一二三四五六七八九";
            String name = "测试名称一二三四五六" + digits.charAt(i / 10) + digits.charAt(i % 10);
            seeded.add(store.create(largest(ACCOUNT_PREFIX + (i % 4), ids.next("sig-"), name), 50));
        }
    }

    @AfterAll
    static void clean() {
        seeded.forEach(store::delete);
    }

    static String worst(int length) {
        return "\"".repeat(length); // escaped twice on its way out: the costliest character in a response
    }

    /** A signature awaiting a reviewer after a dozen rejected rounds, every field as large as the rules allow. */
    static Signature largest(String account, String id, String name) {
        Map<String, String> entity = new LinkedHashMap<>();
        for (String field : List.of("name", "appStoreUrl", "domain", "icpNumber", "wechatAccountName", "trademarkNumber")) {
            entity.put(field, worst(256));
        }
        SignatureApplication application = new SignatureApplication(name, SignatureType.COMPANY,
                SignaturePurpose.FOR_OTHERS, false, entity, worst(500));
        Instant now = Instant.now();
        Signature s = Signature.apply(new AccountId(account), AccountType.ENTERPRISE, new SignatureId(id), application, now);
        int sequence = 0;
        for (DocumentKind kind : List.of(DocumentKind.AUTHORIZATION_LETTER, DocumentKind.BUSINESS_LICENSE,
                DocumentKind.ORGANIZATION_CODE_CERTIFICATE, DocumentKind.SOCIAL_CREDIT_CODE_CERTIFICATE)) {
            s.recordDocument(new SignatureDocument(kind, true, "application/pdf", 5L * 1024 * 1024, "f".repeat(64), now,
                    null, "evidence/" + account + "/" + id + "/" + kind + "/up-0/" + "f".repeat(64),
                    String.format("%016X", ++sequence)), now);
        }
        String reviewer = worst(Caller.MAX_SUBJECT);
        for (int round = 0; round < 13; round++) {
            s.completeAutomaticReview(List.of(), List.of(), now);
            s.reject(reviewer, new ReviewDecision.Key(ReviewDecision.REJECT, round), List.of(ReasonCode.values()), worst(1000), now);
            s.modify(application, now);
        }
        s.completeAutomaticReview(List.of(), List.of(), now);
        for (int stale = 0; stale < Signature.MAX_DISCARDED; stale++) {
            s.recordDiscardedDecision(reviewer, new ReviewDecision.Key(ReviewDecision.REJECT, 1234567890L), now);
        }
        return s;
    }

    static APIGatewayV2HTTPEvent listReviews(String nextToken) {
        Map<String, String> query = new HashMap<>(Map.of("limit", "100"));
        if (nextToken != null) {
            query.put("nextToken", nextToken);
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /v1/reviews")
                .withRawPath("/v1/reviews").withQueryStringParameters(query).withHeaders(Map.of())
                .withRequestContext(RequestContext.builder().withRequestId("page-size").withRouteKey("GET /v1/reviews")
                        .withHttp(RequestContext.Http.builder().withMethod("GET").withPath("/v1/reviews").build())
                        .withAuthorizer(RequestContext.Authorizer.builder().withJwt(RequestContext.Authorizer.JWT.builder()
                                .withClaims(Map.of("sub", "page-size-reviewer", "account_id", "page-size-ops",
                                        "account_type", "ENTERPRISE", "scope", Caller.REVIEWER_SCOPE)).build()).build())
                        .build())
                .build();
    }

    @Test
    void theHandlerStillRefusesATokenWithoutTheReviewerScopeBehindTheGatewaysCheck() {
        ReviewerApiHandler handler = new ReviewerApiHandler(backend.reviewer(backend.table()),
                new ApiHandler("reviewer-api", new DynamoIdempotencyStore(backend.dynamo, backend.table()),
                        Clock.systemUTC()));
        APIGatewayV2HTTPEvent event = listReviews(null);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "page-size-sender",
                "account_id", "page-size-ops", "account_type", "ENTERPRISE", "scope", "sms/send"));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getBody()).contains("AuthFailure.MissingScope");
    }

    @Test
    void everyPageOfTheLargestPossibleApplicationsStaysUnderLambdasResponseLimitAndNoneIsLostOrRepeated() {
        ReviewerApiHandler handler = new ReviewerApiHandler(backend.reviewer(backend.table()),
                new ApiHandler("reviewer-api", new DynamoIdempotencyStore(backend.dynamo, backend.table()),
                        Clock.systemUTC()));
        long largest = 0;
        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            APIGatewayV2HTTPResponse response = handler.handleRequest(listReviews(token), null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            long size = Json.write(Map.of("statusCode", 200, "headers", response.getHeaders(), "body", response.getBody()))
                    .getBytes(StandardCharsets.UTF_8).length;
            assertThat(size).as("page %d", pages).isLessThan(LAMBDA_RESPONSE_LIMIT);
            largest = Math.max(largest, size);
            Map<String, Object> body = Json.parseObject(response.getBody());
            for (Map<String, Object> review : ApiClient.list(body.get("reviews"))) {
                String accountId = (String) review.get("accountId");
                if (accountId.startsWith(ACCOUNT_PREFIX)) {
                    listed.add((String) ApiClient.map(review.get("signature")).get("signatureId"));
                }
            }
            token = (String) body.get("nextToken");
            pages++;
        } while (token != null);
        System.out.println("largest /v1/reviews page of the largest applications: " + largest + " bytes");
        assertThat(largest).as("a page of 100 near the largest possible applications").isGreaterThan(4_000_000);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(seeded.stream().map(s -> s.signatureId().value()).toList());
    }
}
