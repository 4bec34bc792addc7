package smsplatform.ports;

import java.time.Instant;
import smsplatform.domain.InboundSms;
import smsplatform.domain.Page;
import smsplatform.domain.Reply;

/** Replies as they are kept: attributed ones per account, unattributable ones apart for the operator. */
public interface Replies {

    /** What {@link #record} found: whether this call stored it, and whether its REPLY event is known published. */
    record Recorded(boolean first, boolean announced) {}

    /** Stores the reply once (by its account, time and id); a second call finds it and stores nothing. */
    Recorded record(Reply reply);

    /** Its REPLY event is published. */
    void announced(Reply reply);

    /** Keeps a reply no account can be given, once; true the first time. */
    boolean recordUnattributed(InboundSms sms);

    /**
     * The account's replies received from {@code from} to {@code to} inclusive, newest first, after the position
     * {@code after} (null: from the newest), at most {@code limit}; positions are what {@code tokensAfter} holds.
     */
    Page<Reply> list(String accountId, Instant from, Instant to, int limit, String after);
}
