package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue #15 on the local stack: a message is SENT when the carrier accepts it and DELIVERED or UNDELIVERED only
 * when the carrier's receipt says so. The receipts travel as production's do: SNS-format records in SNS's log
 * groups, delivered to ReceiptFunction through the template's subscription filters.
 */
@ResourceLock(SharedStack.MESSAGES)
class ReceiptsEndToEndTest {

    static RunningStack stack;
    static ApiClient client;
    static String templateId;
    static final String SIGN = "Receipt Labs";

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(ReceiptsEndToEndTest.class);
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "receipt-ops", "ENTERPRISE", true));
        client = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "receipt-labs", "ENTERPRISE", false));
        templateId = Journeys.approveSender(client, reviewer, SIGN, "Receipt Labs Ltd.");
    }

    static String send(String number, String code) throws Exception {
        ApiClient.Response sent = Journeys.send(client, List.of(number), SIGN, templateId, code);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Map<String, Object> status = list(sent.json().get("sendStatuses")).get(0);
        assertThat(status.get("code")).isEqualTo("Ok");
        return (String) status.get("serialNo");
    }

    static Map<String, Object> settled(String serial) throws Exception {
        return client.await("/v1/sms/" + serial, m -> !List.of("QUEUED", "SENT").contains(m.get("status")), "a receipt for " + serial);
    }

    static List<Object> statuses(Map<String, Object> message) {
        return list(message.get("statusHistory")).stream().map(e -> e.get("status")).toList();
    }

    static List<Map<String, Object>> handset(String number) throws Exception {
        return list(new ApiClient(stack.baseUrl, null).get("/local/handsets/" + number.replace("+", "%2B")).json().get("messages"));
    }

    @Test
    void aMessageIsDeliveredWhenTheCarriersReceiptSaysSoAndKeepsTheReceipt() throws Exception {
        String serial = send("+8613600131001", "111111");
        Map<String, Object> message = settled(serial);
        assertThat(message.get("status")).isEqualTo("DELIVERED");
        assertThat(statuses(message)).as("recorded, handed over, accepted, receipt").containsExactly("QUEUED", "SENT", "SENT", "DELIVERED");
        assertThat(list(message.get("statusHistory")).get(2).get("detail").toString()).startsWith("simulator message sim-");
        Map<String, Object> receipt = map(message.get("receipt"));
        assertThat(receipt).containsEntry("carrierStatus", "SUCCESS").containsEntry("description", "Message has been accepted by phone carrier");
        assertThat(receipt.get("at")).isNotNull();
        assertThat(handset("+8613600131001")).extracting(m -> m.get("serialNo")).containsExactly(serial);
    }

    @Test
    void aReceiptSayingTheHandsetWasUnreachableEndsTheMessageUndeliveredAndTheHandsetHasNothing() throws Exception {
        String serial = send("+8613600130404", "222222");
        Map<String, Object> message = settled(serial);
        assertThat(message.get("status")).isEqualTo("UNDELIVERED");
        assertThat(map(message.get("receipt"))).containsEntry("carrierStatus", "FAILURE")
                .containsEntry("description", "UNDELIV: Phone is currently unreachable/unavailable");
        assertThat(statuses(message)).containsExactly("QUEUED", "SENT", "SENT", "UNDELIVERED");
        assertThat(handset("+8613600130404")).isEmpty();
    }

    @Test
    void aDuplicatedReceiptIsAppliedOnce() throws Exception {
        String serial = send("+8613600130202", "333333");
        settled(serial);
        String carrierId = list(client.get("/v1/sms/" + serial).json().get("statusHistory")).get(2).get("detail")
                .toString().substring("simulator message ".length());
        // Both receipts reached the receipt function. Which one applied depends on when each came: before the
        // hand-over's answer was recorded both are parked (and delivery applies one), after it the second finds
        // the first applied.
        List<String> outcomes = receiptOutcomes(carrierId, 2);
        assertThat(outcomes).as("the receipt function's outcomes for " + carrierId).hasSizeGreaterThanOrEqualTo(2)
                .filteredOn("APPLIED"::equals).hasSizeLessThanOrEqualTo(1);
        Map<String, Object> message = client.get("/v1/sms/" + serial).json();
        assertThat(message.get("status")).isEqualTo("DELIVERED");
        assertThat(statuses(message)).as("one DELIVERED entry").containsExactly("QUEUED", "SENT", "SENT", "DELIVERED");
    }

    /** The outcomes ReceiptFunction logged for the carrier's id, once it has logged {@code count} (or after 60 s). */
    static List<String> receiptOutcomes(String carrierId, int count) throws Exception {
        return stack.awaitLogLines("ReceiptFunction",
                        l -> "receipt".equals(l.get("event")) && carrierId.equals(l.get("carrierMessageId")),
                        kept -> kept.size() >= count, Duration.ofSeconds(60))
                .stream().map(l -> (String) l.get("outcome")).toList();
    }

    @Test
    void aReceiptThatComesBeforeTheAcceptanceIsRecordedIsAppliedOnceTheAcceptanceIs() throws Exception {
        String serial = send("+8613600130303", "444444");
        Map<String, Object> message = settled(serial);
        assertThat(message.get("status")).isEqualTo("DELIVERED");
        assertThat(statuses(message)).containsExactly("QUEUED", "SENT", "SENT", "DELIVERED");
        assertThat(map(message.get("receipt"))).containsEntry("carrierStatus", "SUCCESS");
    }
}
