package smsplatform.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import smsplatform.domain.InboundSms;
import smsplatform.json.Json;
import smsplatform.phone.LibPhoneNumberPlan;

/** Replies from handsets (the documented samples, resources/two-way-sms) read from the inbound queue's bodies. */
class TwoWaySmsTest {

    static final LibPhoneNumberPlan PLAN = new LibPhoneNumberPlan();

    static String sample(String name) throws IOException {
        try (InputStream in = TwoWaySmsTest.class.getResourceAsStream("/two-way-sms/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The documented SQS notification carrying {@code payload} as its Message, as SNS delivers it to the queue. */
    static String notification(String payload) throws IOException {
        Map<String, Object> envelope = new LinkedHashMap<>(Json.parseObject(sample("sqs-notification.json")));
        envelope.remove("Subject");
        envelope.put("Message", payload);
        return Json.write(envelope);
    }

    static String payloadWith(String field, Object value) throws IOException {
        Map<String, Object> payload = new LinkedHashMap<>(Json.parseObject(sample("payload.json")));
        payload.put(field, value);
        return Json.write(payload);
    }

    @Test
    void theDocumentedPayloadInTheDocumentedEnvelopeIsAReplyFromTheHandsetReceivedWhenSnsPublishedIt() throws Exception {
        assertThat(TwoWaySms.parse(notification(sample("payload.json")), PLAN)).isEqualTo(new InboundSms(
                "cae173d2-66b9-564c-8309-21f858e9fb84", "+14255550182", "+12125550101", "EXAMPLE",
                Instant.parse("2012-03-29T05:12:16.901Z")));
    }

    @Test
    void theHandsetsNumberIsNormalisedToE164AndOurNumberIsKeptAsGiven() throws Exception {
        InboundSms reply = TwoWaySms.parse(notification(payloadWith("originationNumber", "8613800138000")), PLAN);
        assertThat(reply.from()).isEqualTo("+8613800138000");
        assertThat(TwoWaySms.parse(notification(payloadWith("destinationNumber", "106900001234")), PLAN).to()).isEqualTo("106900001234");
    }

    @Test
    void fullWidthAndNonAsciiTextIsKeptExactlyAsSentUpToSixteenHundredCharacters() throws Exception {
        for (String text : List.of("ＴＤ", " 退订 ", "Stop\n拒收😀", "e\u0301", "", "😀".repeat(TwoWaySms.MAX_TEXT_LENGTH))) {
            assertThat(TwoWaySms.parse(notification(payloadWith("messageBody", text)), PLAN).text()).isEqualTo(text);
        }
        assertThatThrownBy(() -> TwoWaySms.parse(notification(payloadWith("messageBody", "x".repeat(TwoWaySms.MAX_TEXT_LENGTH + 1))), PLAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageBody is longer than 1600");
    }

    @Test
    void thePayloadTheSimulatorPublishesHasTheDocumentedFieldsAndReadsBack() throws Exception {
        String payload = TwoWaySms.payload("+8613800138000", "+12065550100", "KEYWORD_000000000000", "ＴＤ", "id-1", "sim-1");
        assertThat(Json.parseObject(payload).keySet()).isEqualTo(Json.parseObject(sample("payload.json")).keySet());
        assertThat(TwoWaySms.parse(notification(payload), PLAN)).isEqualTo(new InboundSms("id-1", "+8613800138000", "+12065550100",
                "ＴＤ", Instant.parse("2012-03-29T05:12:16.901Z")));
    }

    @Test
    void eachMalformedShapeIsRefusedWithWhatIsWrong() throws Exception {
        String payload = sample("payload.json");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("", "empty");
        bodies.put("[]", "not a JSON object");
        bodies.put("{", "not JSON");
        bodies.put(payload, "Type is not Notification");
        bodies.put(notification(payload).replace("\"Notification\"", "\"SubscriptionConfirmation\""), "Type is not Notification");
        bodies.put(notification(payload).replace("\"TopicArn\"", "\"Topic\""), "TopicArn");
        bodies.put(notification(payload).replace("2012-03-29T05:12:16.901Z", "yesterday"), "Timestamp");
        bodies.put(notification("Hello world!"), "Message is not JSON");
        bodies.put(notification("42"), "Message is not a JSON object");
        bodies.put(Json.write(Map.of("Type", "Notification", "TopicArn", "t", "MessageId", "m",
                "Timestamp", "2012-03-29T05:12:16.901Z", "Message", Json.parseObject(payload))), "Message is missing or not a string");
        bodies.put(notification(payloadWith("originationNumber", null)), "originationNumber is missing");
        bodies.put(notification(payloadWith("originationNumber", "not a number")), "originationNumber is not a phone number");
        bodies.put(notification(payloadWith("destinationNumber", 12125550101L)), "destinationNumber");
        bodies.put(notification(payloadWith("inboundMessageId", " ")), "inboundMessageId");
        bodies.put(notification(payloadWith("inboundMessageId", "i".repeat(TwoWaySms.MAX_FIELD_LENGTH + 1))), "inboundMessageId is longer");
        bodies.put(notification(payloadWith("messageBody", List.of("TD"))), "messageBody is missing or not a string");
        bodies.put(" ".repeat(TwoWaySms.MAX_BODY_LENGTH + 1), "body is longer");
        bodies.forEach((body, why) -> assertThatThrownBy(() -> TwoWaySms.parse(body, PLAN)).as(why)
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a two-way SMS notification: ")
                .hasMessageContaining(why));
        assertThatThrownBy(() -> TwoWaySms.parse(null, PLAN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void anyTextIsEitherRefusedWithAnIllegalArgumentOrReadAsACompleteReply(@ForAll("bodies") String body) {
        assertParsesOrIsRefused(body);
    }

    @Property
    void aMangledNotificationIsEitherRefusedWithAnIllegalArgumentOrReadAsACompleteReply(@ForAll("mangled") String body) {
        assertParsesOrIsRefused(body);
    }

    static void assertParsesOrIsRefused(String body) {
        try {
            InboundSms reply = TwoWaySms.parse(body, PLAN);
            assertThat(reply.inboundMessageId()).isNotBlank();
            assertThat(reply.from()).startsWith("+");
            assertThat(reply.to()).isNotBlank();
            assertThat(reply.text()).isNotNull();
            assertThat(reply.receivedAt()).isNotNull();
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageStartingWith("not a two-way SMS notification: ");
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789.-etrufalsn ").ofMaxLength(80));
    }

    /** The valid notification with a slice removed, a character put in, or one field of either level replaced. */
    @Provide
    Arbitrary<String> mangled() throws IOException {
        String valid = notification(sample("payload.json"));
        Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.just(null), Arbitraries.just(List.of()),
                Arbitraries.just(Map.of()), Arbitraries.just(true), Arbitraries.just("+8613800138000"), Arbitraries.just("ＴＤ"));
        Arbitrary<String> cut = Arbitraries.integers().between(0, valid.length()).tuple2()
                .map(t -> valid.substring(0, Math.min(t.get1(), t.get2())) + valid.substring(Math.max(t.get1(), t.get2())));
        Arbitrary<String> inserted = Arbitraries.integers().between(0, valid.length()).flatMap(at ->
                Arbitraries.chars().map(c -> valid.substring(0, at) + c + valid.substring(at)));
        Arbitrary<String> replaced = Arbitraries.of("Type", "MessageId", "TopicArn", "Message", "Timestamp",
                "originationNumber", "destinationNumber", "messageBody", "inboundMessageId").flatMap(field ->
                values.map(value -> replace(valid, field, value)));
        return Arbitraries.oneOf(cut, inserted, replaced);
    }

    static String replace(String notification, String field, Object value) {
        Map<String, Object> envelope = new LinkedHashMap<>(Json.parseObject(notification));
        if (envelope.containsKey(field)) {
            envelope.put(field, value);
            return Json.write(envelope);
        }
        Map<String, Object> payload = new LinkedHashMap<>(Json.parseObject((String) envelope.get("Message")));
        payload.put(field, value);
        envelope.put("Message", Json.write(payload));
        return Json.write(envelope);
    }
}
