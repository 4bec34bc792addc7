package smsplatform.service;

import java.time.Clock;
import java.util.Optional;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage.StatusChange;
import smsplatform.log.Log;
import smsplatform.log.Metrics;
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
    private final Clock clock;

    public DeadLetters(MessageStore messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public Outcome settle(String accountId, String serialNo) {
        Log.context("accountId", accountId, "serialNo", serialNo);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SmsMessage> found = messages.find(accountId, serialNo);
            if (found.isEmpty()) {
                Log.warn("dead-letter.ignored", "reason", "no such message");
                return Outcome.NO_SUCH_MESSAGE;
            }
            Status status = found.get().status();
            if (status != Status.QUEUED && status != Status.SENT) {
                Log.info("dead-letter.ignored", "reason", "already " + status);
                return Outcome.ALREADY_SETTLED;
            }
            String detail = DeliveryService.lastAttemptFailedTransiently(found.get())
                    ? DETAIL + "; last " + found.get().lastChange().detail() : DETAIL;
            if (messages.transition(accountId, serialNo, status, new StatusChange(Status.FAILED, clock.instant(), detail))) {
                Log.info("dead-letter.settled", "from", status.name());
                Metrics.count(Metrics.MESSAGES_FAILED, 1);
                return Outcome.FAILED;
            }
        }
        throw new IllegalStateException("message kept changing; the dead letter will be retried");
    }
}
