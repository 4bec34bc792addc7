package smsplatform.ports;

import java.time.Instant;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.InboundSms;
import smsplatform.domain.Page;
import smsplatform.domain.Reply;

/**
 * Replies as they are kept. Each inbound message is first claimed by its carrier id: the first claim fixes its time
 * and its attribution, so a reply published or delivered twice (even with another timestamp, even after another
 * message reached the number) is the same reply; an unattributable one is kept with its claim, for the operator.
 */
public interface Replies {

    /** What the first claim of an inbound message fixed: whether this call made it, when, and to which message. */
    record Claim(boolean first, Instant receivedAt, Optional<MessageStore.Ref> attributedTo) {}

    /** What {@link #record} found: whether this call stored it, and whether its REPLY event is known published. */
    record Recorded(boolean first, boolean announced) {}

    Claim claim(InboundSms sms, Optional<MessageStore.Ref> attributedTo);

    /** Stores the reply once (by its account, time and id); a second call finds it and stores nothing. */
    Recorded record(Reply reply);

    /** Its REPLY event is published. */
    void announced(Reply reply);

    /**
     * The account's replies received from {@code from} to {@code to} inclusive, newest first, after the position
     * {@code after} (null: from the newest), at most {@code limit}; positions are what {@code tokensAfter} holds.
     */
    Page<Reply> list(AccountId accountId, Instant from, Instant to, int limit, String after);
}
