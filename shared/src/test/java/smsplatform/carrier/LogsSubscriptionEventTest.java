package smsplatform.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import smsplatform.json.Json;

/** The CloudWatch Logs subscription event (base64 of gzip of JSON) a receipt function is invoked with. */
class LogsSubscriptionEventTest {

    static final String SUCCESSES = "sns/us-east-1/123456789012/DirectPublishToPhoneNumber";

    static String encode(byte[] json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String encode(Map<String, Object> payload) throws IOException {
        return encode(Json.write(payload).getBytes(StandardCharsets.UTF_8));
    }

    /** The documented shape, as CloudWatch Logs delivers a batch of the SNS group's events. */
    static Map<String, Object> dataMessage(String logGroup, String... messages) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            events.add(Map.of("id", "3195310660696698337880902507980421114328961542429822156" + i,
                    "timestamp", 1467074434558L + i, "message", messages[i]));
        }
        return Map.of("owner", "123456789012", "logGroup", logGroup, "logStream", "stream",
                "subscriptionFilters", List.of("SmsDeliverySuccesses"), "messageType", "DATA_MESSAGE", "logEvents", events);
    }

    @Test
    void aDataMessageGivesItsLogGroupAndEachEventsMessageAndTimestamp() throws Exception {
        String success = SnsDeliveryLogTest.sample("success.json");
        String failure = SnsDeliveryLogTest.sample("failure.json");
        Map<String, Object> lambdaEvent = Map.of("awslogs", Map.of("data", encode(dataMessage(SUCCESSES, success, failure))));
        LogsSubscriptionEvent event = LogsSubscriptionEvent.fromLambdaEvent(lambdaEvent).orElseThrow();
        assertThat(event.logGroup()).isEqualTo(SUCCESSES);
        assertThat(event.logEvents()).extracting(LogsSubscriptionEvent.LogEvent::message).containsExactly(success, failure);
        assertThat(event.logEvents()).extracting(LogsSubscriptionEvent.LogEvent::timestamp)
                .containsExactly(1467074434558L, 1467074434559L);
        assertThat(SnsDeliveryLog.parse(event.logEvents().get(0).message()).carrierMessageId())
                .isEqualTo("34d9b400-c6dd-5444-820d-fbeb0f1f54cf");
    }

    @Test
    void aControlMessageIsQuietlyEmpty() throws Exception {
        Map<String, Object> control = Map.of("owner", "CloudwatchLogs", "logGroup", "", "logStream", "",
                "subscriptionFilters", List.of(), "messageType", "CONTROL_MESSAGE",
                "logEvents", List.of(Map.of("id", "", "timestamp", 1467074434558L,
                        "message", "CWL CONTROL MESSAGE: Checking health of destination Lambda Function.")));
        assertThat(LogsSubscriptionEvent.decode(encode(control))).isEqualTo(Optional.empty());
    }

    @Test
    void aGzipBombIsRefusedOnceItsOutputPassesTheBound() throws Exception {
        byte[] zeros = new byte[LogsSubscriptionEvent.MAX_DECOMPRESSED_BYTES + 1];
        String bomb = encode(zeros);
        assertThat(bomb.length()).as("small on the wire").isLessThan(LogsSubscriptionEvent.MAX_DECOMPRESSED_BYTES / 100);
        assertThatThrownBy(() -> LogsSubscriptionEvent.decode(bomb))
                .isInstanceOf(LogsSubscriptionEvent.MalformedEvent.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> LogsSubscriptionEvent.decode("A".repeat(LogsSubscriptionEvent.MAX_ENCODED_CHARS + 4)))
                .isInstanceOf(LogsSubscriptionEvent.MalformedEvent.class).hasMessageContaining("longer than");
    }

    @Test
    void malformedEventsAreRefusedWithWhatIsWrong() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("not base64!", "not base64");
        cases.put(Base64.getEncoder().encodeToString("plain text".getBytes(StandardCharsets.UTF_8)), "not gzip");
        cases.put(encode("{not json".getBytes(StandardCharsets.UTF_8)), "not JSON");
        cases.put(encode("[1, 2]".getBytes(StandardCharsets.UTF_8)), "a JSON object");
        cases.put(encode(Map.of("messageType", "OTHER", "logGroup", SUCCESSES, "logEvents", List.of())), "messageType");
        cases.put(encode(Map.of("messageType", "DATA_MESSAGE", "logEvents", List.of())), "logGroup");
        cases.put(encode(Map.of("messageType", "DATA_MESSAGE", "logGroup", SUCCESSES, "logEvents", "x")), "logEvents");
        cases.put(encode(Map.of("messageType", "DATA_MESSAGE", "logGroup", SUCCESSES,
                "logEvents", List.of(Map.of("id", "1", "timestamp", "yesterday", "message", "m")))), "timestamp");
        cases.forEach((data, problem) -> assertThatThrownBy(() -> LogsSubscriptionEvent.decode(data)).as(problem)
                .isInstanceOf(LogsSubscriptionEvent.MalformedEvent.class).hasMessageContaining(problem));
        assertThatThrownBy(() -> LogsSubscriptionEvent.fromLambdaEvent(Map.of("Records", List.of())))
                .isInstanceOf(LogsSubscriptionEvent.MalformedEvent.class).hasMessageContaining("awslogs");
        assertThatThrownBy(() -> LogsSubscriptionEvent.fromLambdaEvent(Map.of("awslogs", Map.of("data", 42))))
                .isInstanceOf(LogsSubscriptionEvent.MalformedEvent.class).hasMessageContaining("awslogs.data");
    }
}
