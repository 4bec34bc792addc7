package smsplatform.domain;

import java.time.Instant;

/**
 * An SMS a handset sent us: {@code from} the handset's number in E.164, {@code to} our origination number
 * (or identity) as the carrier names it, {@code text} exactly as sent, {@code receivedAt} when it was published
 * to us. {@code inboundMessageId} is the carrier's id for it, the same on every redelivery.
 */
public record InboundSms(String inboundMessageId, String from, String to, String text, Instant receivedAt) {}
