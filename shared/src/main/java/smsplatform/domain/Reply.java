package smsplatform.domain;

import java.time.Instant;

/**
 * An SMS a handset sent back, attributed to the account whose message the number received last ({@code serialNo}).
 * {@code replyId} is the carrier's inbound message id: the same reply delivered twice is the same reply.
 * {@code keyword} is the opt-out or opt-in the reply made, or null for an ordinary reply.
 */
public record Reply(AccountId accountId, String replyId, String phoneNumber, String to, String text, Instant receivedAt,
                    SerialNo serialNo, OptOutKeywords.Action keyword) {
}
