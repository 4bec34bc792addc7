package smsplatform.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import smsplatform.carrier.TwoWaySms;
import smsplatform.domain.PhoneNumber;
import smsplatform.domain.PhoneNumberPlan;
import smsplatform.json.Json;
import smsplatform.phone.LibPhoneNumberPlan;

/**
 * A handset answers ({@code POST /local/handsets/{number}/replies {"text"}}): the carrier simulator publishes what
 * AWS End User Messaging SMS would for that incoming SMS to the template's {@link #TOPIC}, as End User Messaging, and
 * the topic's subscriptions deliver it ({@link LocalTopics}). The reply goes to {@link #ORIGINATION_NUMBER} and
 * answers the last message the handset received ({@code previousPublishedMessageId}, the carrier's message id).
 */
final class HandsetReplies {

    static final String TOPIC = "InboundSmsTopic";
    /** Our number as the handsets answer it: a fictitious one (555-0100 to 555-0199 are kept for fiction in the NANP). */
    static final String ORIGINATION_NUMBER = "+12065550100";
    /**
     * The keyword of a reply that starts with no registered one: the two-way payload page does not say; payloads
     * published by users of the service show {@code KEYWORD_<account id>}.
     */
    static final String NO_KEYWORD = "KEYWORD_" + SqsEmulator.ACCOUNT;
    /** The number End User Messaging publishes for (aws:SourceArn of its publications). */
    static final LocalTopics.Publisher END_USER_MESSAGING = new LocalTopics.Publisher("sms-voice.amazonaws.com",
            "arn:aws:sms-voice:" + StackPlan.REGION + ":" + SqsEmulator.ACCOUNT + ":phone-number/phone-sms-local");

    /** The handsets' numbers are read as SendSms reads them. */
    private static final PhoneNumberPlan PLAN = new LibPhoneNumberPlan();

    record Answer(int status, Map<String, Object> body) {}

    private final LocalTopics topics;
    private final CarrierSimulator carrier;

    HandsetReplies(LocalTopics topics, CarrierSimulator carrier) {
        this.topics = topics;
        this.carrier = carrier;
    }

    /** The handset's number in any form SendSms accepts, normalised to E.164. */
    static Optional<String> number(String written) {
        return PLAN.parse(written).map(PhoneNumber::e164);
    }

    Answer reply(String writtenNumber, byte[] body) {
        Optional<String> from = number(writtenNumber);
        if (from.isEmpty()) {
            return new Answer(400, Map.of("message", "not a phone number: " + writtenNumber));
        }
        Map<String, Object> request;
        try {
            request = Json.parseObject(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return new Answer(400, Map.of("message", "the body is not a JSON object"));
        }
        String text = request.get("text") instanceof String t ? t.strip() : "";
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > TwoWaySms.MAX_TEXT_LENGTH) {
            return new Answer(400, Map.of("message", "text must hold 1 to " + TwoWaySms.MAX_TEXT_LENGTH + " characters"));
        }
        if (!topics.declares(TOPIC)) {
            return new Answer(404, Map.of("message", "template.yaml declares no " + TOPIC));
        }
        List<CarrierSimulator.Received> received = carrier.handset(from.get());
        String previous = received.isEmpty() ? null : received.get(received.size() - 1).messageId();
        String inboundMessageId = UUID.randomUUID().toString();
        topics.publish(TOPIC, TwoWaySms.payload(from.get(), ORIGINATION_NUMBER, NO_KEYWORD, text, inboundMessageId, previous),
                END_USER_MESSAGING);
        return new Answer(202, Map.of("inboundMessageId", inboundMessageId));
    }
}
