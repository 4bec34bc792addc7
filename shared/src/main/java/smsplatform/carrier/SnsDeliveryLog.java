package smsplatform.carrier;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.CarrierReceipt;
import smsplatform.domain.Receipt;
import smsplatform.json.Json;

/**
 * One record of SNS's SMS delivery-status logs, as SNS writes it to CloudWatch Logs for each SMS it
 * sends: {@code {"notification": {"messageId", "timestamp"}, "delivery": {"destination",
 * "providerResponse", "smsType", "priceInUSD", …}, "status": "SUCCESS" | "FAILURE"}}, the timestamp as
 * {@code 2016-06-28 00:40:34.558}. Successes go to the log group {@code sns/REGION/ACCOUNT/DirectPublishToPhoneNumber},
 * failures to {@code …/DirectPublishToPhoneNumber/Failure}.
 * Sources: "Amazon SNS SMS delivery monitoring with Amazon CloudWatch metrics and logs" (example logs for a
 * successful and a failed SMS delivery; failure reasons are in providerResponse),
 * https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html, and the log group names in
 * AWS re:Post Knowledge Center's "monitor-sns-texts-cloudwatch",
 * https://repost.aws/knowledge-center/monitor-sns-texts-cloudwatch (read in its stored translation
 * https://repost.aws/es/knowledge-center/monitor-sns-texts-cloudwatch).
 * {@code notification.messageId} is the id SNS answered {@code Publish} with.
 */
public final class SnsDeliveryLog {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    /** The pages give no zone: read as UTC, the zone of AWS's service timestamps. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Longer than any SNS message id (a UUID) or provider response we know of; a larger value is refused. */
    static final int MAX_FIELD_LENGTH = 1024;

    private SnsDeliveryLog() {}

    /** A record that is not SNS's delivery-status format. */
    public static final class MalformedRecord extends IllegalArgumentException {
        MalformedRecord(String message) {
            super("not an SNS SMS delivery-status record: " + message);
        }
    }

    /** The receipt a record reports: delivered when its status is SUCCESS, FAILURE otherwise. */
    public static CarrierReceipt parse(String message) {
        if (message == null) {
            throw new MalformedRecord("no message");
        }
        Map<?, ?> record = object(parseJson(message), "the record");
        Map<?, ?> notification = object(record.get("notification"), "notification");
        Map<?, ?> delivery = object(record.get("delivery"), "delivery");
        String messageId = text(notification.get("messageId"), "notification.messageId");
        String status = text(record.get("status"), "status");
        if (!status.equals(SUCCESS) && !status.equals(FAILURE)) {
            throw new MalformedRecord("status is neither SUCCESS nor FAILURE");
        }
        String providerResponse = text(delivery.get("providerResponse"), "delivery.providerResponse");
        Instant at = timestamp(text(notification.get("timestamp"), "notification.timestamp"));
        return new CarrierReceipt(messageId, status.equals(SUCCESS), new Receipt(status, providerResponse, at));
    }

    /** A record in the same format, as the local carrier simulator writes its receipts. */
    public static String record(String carrierMessageId, String phoneNumber, boolean delivered, String providerResponse,
                                Instant at) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("messageId", carrierMessageId);
        notification.put("timestamp", TIMESTAMP.format(at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)));
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("destination", phoneNumber);
        delivery.put("smsType", "Transactional");
        delivery.put("providerResponse", providerResponse);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("notification", notification);
        record.put("delivery", delivery);
        record.put("status", delivered ? SUCCESS : FAILURE);
        return Json.write(record);
    }

    private static Object parseJson(String message) {
        try {
            return Json.parse(message);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecord("not JSON");
        }
    }

    private static Map<?, ?> object(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new MalformedRecord(name + " is not an object");
    }

    private static String text(Object value, String name) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new MalformedRecord(name + " is missing or not a string");
        }
        if (s.length() > MAX_FIELD_LENGTH) {
            throw new MalformedRecord(name + " is longer than " + MAX_FIELD_LENGTH + " characters");
        }
        return s;
    }

    private static Instant timestamp(String text) {
        try {
            return LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MalformedRecord("notification.timestamp is not yyyy-MM-dd HH:mm:ss.SSS");
        }
    }
}
