package smsplatform.ports;

import java.time.Instant;
import java.util.Optional;

/** Which account a handset's number heard from last: what a reply is attributed to (DESIGN §12). */
public interface Recipients {

    /** The message the number received last (the carrier accepted it) from {@code since} to {@code until}, if any. */
    Optional<MessageStore.Ref> lastMessageTo(String number, Instant since, Instant until);
}
