package smsplatform.carrier;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.InboundSms;
import smsplatform.domain.PhoneNumber;
import smsplatform.domain.PhoneNumberPlan;
import smsplatform.json.Json;

/**
 * A reply from a handset, as AWS End User Messaging SMS two-way messaging hands it to us: the service publishes
 * one JSON payload per incoming SMS to the phone number's SNS topic, {@code {"originationNumber" (the handset),
 * "destinationNumber" (our number), "messageKeyword", "messageBody", "inboundMessageId",
 * "previousPublishedMessageId"}} ("Example of a two-way SMS message payload for Amazon SNS topics",
 * https://docs.aws.amazon.com/sms-voice/latest/userguide/two-way-sms-payload.html), and SNS delivers it to the
 * subscribed SQS queue inside its notification envelope {@code {"Type": "Notification", "MessageId", "TopicArn",
 * "Message" (the payload, as a string), "Timestamp", "SignatureVersion", "Signature", "SigningCertURL",
 * "UnsubscribeURL"}} ("Subscribing an Amazon SQS queue to an Amazon SNS topic", step 5,
 * https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html; the fields: "HTTP/HTTPS
 * notification JSON format", https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html).
 * <p>
 * The subscription keeps the envelope (no {@code RawMessageDelivery}): raw delivery strips SNS's metadata and
 * sends the message as is ("Amazon SNS raw message delivery",
 * https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html), and the payload has
 * no time of its own: {@code Timestamp}, when the message was published, is the only time of receipt. The
 * signature is not checked here: the queue's policy lets only the inbound topic send to it.
 * <p>
 * Sizes are bounded before anything is kept: the body, each field, and the text ({@link #MAX_TEXT_LENGTH}
 * characters, what the local simulator takes).
 */
public final class TwoWaySms {

    /** Far above an envelope holding the longest text (each character escaped twice), far below SQS's limit. */
    static final int MAX_BODY_LENGTH = 64 * 1024;
    /** The longest text a reply may hold, in characters (Unicode code points). */
    public static final int MAX_TEXT_LENGTH = 1600;
    /** Ids, numbers and the topic's ARN: longer than any we know of. */
    static final int MAX_FIELD_LENGTH = 256;

    private TwoWaySms() {}

    /** One SQS message body as the inbound queue's subscription delivers it; malformed: IllegalArgumentException. */
    public static InboundSms parse(String sqsBody, PhoneNumberPlan plan) {
        if (sqsBody == null || sqsBody.isEmpty()) {
            throw malformed("the body is empty");
        }
        if (sqsBody.length() > MAX_BODY_LENGTH) {
            throw malformed("the body is longer than " + MAX_BODY_LENGTH + " characters");
        }
        Map<?, ?> envelope = object(sqsBody, "the body");
        if (!"Notification".equals(envelope.get("Type"))) {
            throw malformed("Type is not Notification: not an SNS notification");
        }
        field(envelope, "TopicArn");
        field(envelope, "MessageId");
        Instant receivedAt = timestamp(field(envelope, "Timestamp"));
        if (!(envelope.get("Message") instanceof String message)) {
            throw malformed("Message is missing or not a string");
        }
        Map<?, ?> payload = object(message, "Message");
        String from = field(payload, "originationNumber");
        String e164 = plan.parse(from).map(PhoneNumber::e164)
                .orElseThrow(() -> malformed("originationNumber is not a phone number"));
        String to = field(payload, "destinationNumber");
        String inboundMessageId = field(payload, "inboundMessageId");
        if (!(payload.get("messageBody") instanceof String text)) {
            throw malformed("messageBody is missing or not a string");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw malformed("messageBody is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return new InboundSms(inboundMessageId, e164, to, text, receivedAt);
    }

    /**
     * The payload End User Messaging publishes for an incoming SMS, as the local carrier simulator publishes it;
     * {@code previousPublishedMessageId} (the message replied to) is null when the handset received none.
     */
    public static String payload(String originationNumber, String destinationNumber, String messageKeyword,
                                 String messageBody, String inboundMessageId, String previousPublishedMessageId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("originationNumber", originationNumber);
        payload.put("destinationNumber", destinationNumber);
        payload.put("messageKeyword", messageKeyword);
        payload.put("messageBody", messageBody);
        payload.put("inboundMessageId", inboundMessageId);
        payload.put("previousPublishedMessageId", previousPublishedMessageId);
        return Json.write(payload);
    }

    private static Map<?, ?> object(String json, String name) {
        Object value;
        try {
            value = Json.parse(json);
        } catch (IOException | RuntimeException e) {
            throw malformed(name + " is not JSON");
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw malformed(name + " is not a JSON object");
    }

    private static String field(Map<?, ?> object, String name) {
        if (!(object.get(name) instanceof String s) || s.isBlank()) {
            throw malformed(name + " is missing or not a string");
        }
        if (s.length() > MAX_FIELD_LENGTH) {
            throw malformed(name + " is longer than " + MAX_FIELD_LENGTH + " characters");
        }
        return s;
    }

    private static Instant timestamp(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed("Timestamp is not an ISO-8601 instant");
        }
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("not a two-way SMS notification: " + why);
    }
}
