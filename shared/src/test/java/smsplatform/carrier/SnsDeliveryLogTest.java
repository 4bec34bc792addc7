package smsplatform.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import smsplatform.domain.CarrierReceipt;
import smsplatform.domain.Receipt;
import smsplatform.json.Json;

/** SNS's SMS delivery-status records (the documented samples, resources/sns-delivery-logs) read as receipts. */
class SnsDeliveryLogTest {

    static String sample(String name) throws IOException {
        try (InputStream in = SnsDeliveryLogTest.class.getResourceAsStream("/sns-delivery-logs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocumentedSuccessfulDeliveryIsADeliveredReceiptForThePublishedMessageId() throws Exception {
        CarrierReceipt receipt = SnsDeliveryLog.parse(sample("success.json"));
        assertThat(receipt).isEqualTo(new CarrierReceipt("34d9b400-c6dd-5444-820d-fbeb0f1f54cf", true,
                new Receipt("SUCCESS", "Message has been accepted by phone carrier",
                        Instant.parse("2016-06-28T00:40:34.558Z"))));
    }

    @Test
    void theDocumentedFailedDeliveryIsAnUndeliveredReceiptWithTheProvidersReason() throws Exception {
        CarrierReceipt receipt = SnsDeliveryLog.parse(sample("failure.json"));
        assertThat(receipt).isEqualTo(new CarrierReceipt("1077257a-92f3-5ca3-bc97-6a915b310625", false,
                new Receipt("FAILURE", "Unknown error attempting to reach phone",
                        Instant.parse("2016-06-28T00:40:34.559Z"))));
    }

    @Test
    void aRecordTheHelperWritesHasTheDocumentedShapeAndReadsBackAsTheSameReceipt() throws Exception {
        Instant at = Instant.parse("2026-12-01T08:15:30.123456Z");
        String record = SnsDeliveryLog.record("mid-42", "+8613800138000", false, "Phone is currently unreachable/unavailable", at);
        Map<String, Object> json = Json.parseObject(record);
        Map<String, Object> documented = Json.parseObject(sample("failure.json"));
        assertThat(json.keySet()).isEqualTo(documented.keySet());
        assertThat(Json.parseObject(Json.write(json.get("notification"))).keySet())
                .isEqualTo(Json.parseObject(Json.write(documented.get("notification"))).keySet());
        assertThat(String.valueOf(Json.parseObject(Json.write(json.get("notification"))).get("timestamp")))
                .isEqualTo("2026-12-01 08:15:30.123");
        assertThat(Json.parseObject(Json.write(json.get("delivery")))).containsEntry("destination", "+8613800138000");
        assertThat(SnsDeliveryLog.parse(record)).isEqualTo(new CarrierReceipt("mid-42", false,
                new Receipt("FAILURE", "Phone is currently unreachable/unavailable", Instant.parse("2026-12-01T08:15:30.123Z"))));
        assertThat(SnsDeliveryLog.parse(SnsDeliveryLog.record("mid-43", "+8613800138000", true, "ok", at)).delivered()).isTrue();
    }

    @Test
    void aRecordMissingAFieldOrWithAnotherStatusOrTimestampIsRefusedWithTheFieldNamed() throws Exception {
        String success = sample("success.json");
        assertThatThrownBy(() -> SnsDeliveryLog.parse(success.replace("\"messageId\"", "\"id\"")))
                .isInstanceOf(SnsDeliveryLog.MalformedRecord.class).hasMessageContaining("notification.messageId");
        assertThatThrownBy(() -> SnsDeliveryLog.parse(success.replace("\"SUCCESS\"", "\"DELIVERED\"")))
                .isInstanceOf(SnsDeliveryLog.MalformedRecord.class).hasMessageContaining("status");
        assertThatThrownBy(() -> SnsDeliveryLog.parse(success.replace("2016-06-28 00:40:34.558", "2016-06-28T00:40:34.558Z")))
                .isInstanceOf(SnsDeliveryLog.MalformedRecord.class).hasMessageContaining("notification.timestamp");
        assertThatThrownBy(() -> SnsDeliveryLog.parse(success.replace("2016-06-28 00:40:34.558", "2016-02-30 00:40:34.558")))
                .as("no 30 February").isInstanceOf(SnsDeliveryLog.MalformedRecord.class);
        assertThatThrownBy(() -> SnsDeliveryLog.parse(success.replace("\"providerResponse\"", "\"response\"")))
                .isInstanceOf(SnsDeliveryLog.MalformedRecord.class).hasMessageContaining("delivery.providerResponse");
        assertThatThrownBy(() -> SnsDeliveryLog.parse(success.replace("\"34d9b400-c6dd-5444-820d-fbeb0f1f54cf\"", "42")))
                .isInstanceOf(SnsDeliveryLog.MalformedRecord.class).hasMessageContaining("notification.messageId");
        assertThatThrownBy(() -> SnsDeliveryLog.parse(success.replace("Message has been accepted by phone carrier",
                "x".repeat(SnsDeliveryLog.MAX_FIELD_LENGTH + 1)))).isInstanceOf(SnsDeliveryLog.MalformedRecord.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void textThatIsNotARecordIsRefusedClearly() {
        for (String hostile : new String[] {"", "null", "[]", "\"SUCCESS\"", "{", "{\"notification\": []}",
                "START RequestId: 1 Version: $LATEST", "[".repeat(100_000)}) {
            assertThatThrownBy(() -> SnsDeliveryLog.parse(hostile)).as(hostile.length() > 40 ? "deep nesting" : hostile)
                    .isInstanceOf(SnsDeliveryLog.MalformedRecord.class).hasMessageStartingWith("not an SNS SMS delivery-status record");
        }
        assertThatThrownBy(() -> SnsDeliveryLog.parse(null)).isInstanceOf(SnsDeliveryLog.MalformedRecord.class);
    }

    @Property(tries = 300)
    void anyTextIsEitherAReceiptOrAMalformedRecordNeverAnotherFailure(@ForAll @StringLength(max = 300) String text) {
        try {
            assertThat(SnsDeliveryLog.parse(text).carrierMessageId()).isNotBlank();
        } catch (SnsDeliveryLog.MalformedRecord expected) {
            assertThat(expected).hasMessageStartingWith("not an SNS SMS delivery-status record");
        }
    }

    @Property(tries = 200)
    void everyRecordTheHelperWritesReadsBack(@ForAll @StringLength(min = 1, max = 64) String messageId,
                                             @ForAll boolean delivered,
                                             @ForAll @StringLength(min = 1, max = 200) String providerResponse) {
        Instant at = Instant.ofEpochMilli(1_700_000_000_123L);
        if (messageId.isBlank() || providerResponse.isBlank()) {
            return;
        }
        CarrierReceipt receipt = SnsDeliveryLog.parse(SnsDeliveryLog.record(messageId, "+8613800138000", delivered,
                providerResponse, at));
        assertThat(receipt).isEqualTo(new CarrierReceipt(messageId, delivered,
                new Receipt(delivered ? "SUCCESS" : "FAILURE", providerResponse, at)));
    }
}
