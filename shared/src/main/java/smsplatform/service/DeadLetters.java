package smsplatform.service;

import java.time.Clock;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage;
import smsplatform.log.Log;
import smsplatform.ports.MessageStore;

/**
 * The outbound queue's dead letters: a delivery the queue gave up on (its receives are over) ends FAILED.
 * Only a message still QUEUED or SENT moves, conditionally on that status, so a DELIVERED (or already
 * FAILED) message is never overwritten, whatever raced with the dead letter.
 */
public final class DeadLetters {

    static final String DETAIL = "delivery abandoned after its retries: the outbound queue moved it to its dead-letter queue";
    private static final int ATTEMPTS = 3;

    public enum Outcome { FAILED, ALREADY_SETTLED, NO_SUCH_MESSAGE }

    private final MessageStore messages;
    private final MessageProgress progress;
    private final Clock clock;

    public DeadLetters(MessageStore messages, MessageProgress progress, Clock clock) {
        this.messages = messages;
        this.progress = progress;
        this.clock = clock;
    }

    public Outcome settle(AccountId accountId, SerialNo serialNo) {
        Log.context("accountId", accountId, "serialNo", serialNo.value());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SmsMessage> found = messages.find(accountId, serialNo);
            if (found.isEmpty()) {
                Log.warn("dead-letter.ignored", "reason", "no such message");
                return Outcome.NO_SUCH_MESSAGE;
            }
            SmsMessage message = found.get();
            if (message.status().isFinal() || message.acceptedByCarrier()) {
                // Settled, or accepted and awaiting its receipt: not this queue's to fail.
                Log.info("dead-letter.ignored", "reason", "already " + message.status()
                        + (message.acceptedByCarrier() ? " (accepted by the carrier)" : ""));
                progress.announceAgain(message);
                return Outcome.ALREADY_SETTLED;
            }
            String detail = DeliveryService.lastAttemptFailedTransiently(message)
                    ? DETAIL + "; last " + message.lastChange().detail() : DETAIL;
            if (progress.fail(message, clock.instant(), detail)) {
                Log.info("dead-letter.settled", "from", message.status().name());
                return Outcome.FAILED;
            }
        }
        throw new IllegalStateException("message kept changing; the dead letter will be retried");
    }
}
