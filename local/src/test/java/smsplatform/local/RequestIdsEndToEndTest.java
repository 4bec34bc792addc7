package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue #12 §4 "Request ids" on the local stack: the requestId a client gets back is on every log line
 * its request produced, in the function that answered and in the queue consumers it reached.
 */
@ResourceLock(SharedStack.MESSAGES)
class RequestIdsEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(RequestIdsEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "rid-ops", "ENTERPRISE", true));
    }

    /**
     * The lines of {@code function} that {@code filter} keeps, once one of them is {@code event} (or after 30 s).
     * DELIVERED can be visible before the delivery logs delivery.done: a receipt that came before the hand-over's
     * answer was recorded is applied by the delivery itself.
     */
    static List<Map<String, Object>> linesUntil(String function, Predicate<Map<String, Object>> filter, String event)
            throws Exception {
        return stack.awaitLogLines(function, filter, kept -> kept.stream().anyMatch(l -> event.equals(l.get("event"))),
                Duration.ofSeconds(30));
    }

    @Test
    void aSendSmsAnswersRequestIdIsOnTheSendLinesAndOnEveryDeliveryLineOfItsMessage() throws Exception {
        ApiClient sender = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "rid-sender", "ENTERPRISE", false));
        String template = Journeys.approveSender(sender, reviewer, "Trace Labs", "Trace Labs Ltd.");
        ApiClient.Response sent = Journeys.send(sender, List.of("13700137123"), "Trace Labs", template, "TRACE1");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String requestId = (String) sent.json().get("requestId");
        assertThat(requestId).as("the gateway's apigw-requestid is the answer's requestId")
                .isEqualTo(sent.gatewayRequestId());
        String serial = (String) map(list(sent.json().get("sendStatuses")).get(0)).get("serialNo");
        sender.await("/v1/sms/" + serial, m -> "DELIVERED".equals(m.get("status")), "delivery of " + serial);

        List<Map<String, Object>> send = linesUntil("SendSmsFunction", l -> requestId.equals(l.get("requestId")), "request.done");
        assertThat(send).extracting(l -> l.get("event")).contains("sms.accepted", "request.done");

        List<Map<String, Object>> delivery = linesUntil("DeliveryFunction", l -> serial.equals(l.get("serialNo")), "delivery.done");
        assertThat(delivery).extracting(l -> l.get("event")).contains("delivery.done");
        assertThat(delivery).allSatisfy(l -> assertThat(l.get("requestId")).isEqualTo(requestId));
        assertThat(delivery).allSatisfy(l -> assertThat(l.get("awsRequestId")).isNotNull().isNotEqualTo(requestId));
    }

    @Test
    void aDecisionsRequestIdIsOnTheReviewConsumersLinesThatApplyIt() throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "rid-applicant", "ENTERPRISE", false));
        ApiClient.Response submitted = applicant.post("/v1/signatures", Map.of(
                "name", "Trace Works", "type", "COMPANY", "purpose", "SELF_USE", "entity", Map.of("name", "Trace Works Ltd.")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = (String) map(submitted.json().get("signature")).get("signatureId");
        assertThat(ApiClient.upload(list(submitted.json().get("uploads")).get(0), "application/pdf",
                SignatureJourneyEndToEndTest.PDF)).isEqualTo(204);
        Map<String, Object> ready = applicant.await("/v1/signatures/" + id,
                s -> "MANUAL".equals(s.get("reviewStage")), "manual review of " + id);

        ApiClient.Response decided = reviewer.post("/v1/reviews/" + id + "/decision",
                Map.of("decision", "APPROVE", "version", ready.get("version")));
        assertThat(decided.status()).as(decided.body()).isEqualTo(202);
        String requestId = decided.gatewayRequestId();
        assertThat(requestId).isNotBlank();
        applicant.await("/v1/signatures/" + id, s -> "APPROVED".equals(s.get("status")), "approval of " + id);

        assertThat(linesUntil("ReviewerApiFunction", l -> requestId.equals(l.get("requestId")), "request.done"))
                .extracting(l -> l.get("event")).contains("request.done");
        List<Map<String, Object>> applied = linesUntil("ReviewQueueFunction", l -> requestId.equals(l.get("requestId")),
                "review.decision.applied");
        assertThat(applied).extracting(l -> l.get("event")).contains("review.decision.applied");
        assertThat(applied).allSatisfy(l -> assertThat(l.get("signatureId")).isEqualTo(id));
    }
}
