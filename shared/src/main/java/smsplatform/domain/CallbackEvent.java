package smsplatform.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something a customer's callback URL is told about (DESIGN §11). The {@code eventId} is derived from
 * what happened (for a message: its serial number and the status it reached), never random, so that a
 * producer that repeats itself after a crash or a redelivery produces the same event and the receiver
 * deduplicates it by {@code Sms-Event-Id}.
 */
public record CallbackEvent(String eventId, Type type, AccountId accountId, Instant occurredAt, Map<String, Object> data) {

    public enum Type { MESSAGE_STATUS, REVIEW_RESULT, REPLY }

    public CallbackEvent {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
