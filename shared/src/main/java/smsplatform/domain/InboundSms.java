package smsplatform.domain;

import java.time.Instant;

/** An SMS a handset sent to one of our numbers, as the carrier hands it over. */
public record InboundSms(String inboundMessageId, String from, String to, String text, Instant receivedAt) {
}
