package smsplatform.domain.callbacks;

import java.time.Instant;
import java.util.Set;
import smsplatform.domain.AccountId;
import smsplatform.domain.CallbackEvent;

/**
 * An account's webhook (one per account): where events go, which types it wants, and the secret its
 * deliveries are signed with. The secret is shown to the customer once, when it is made.
 */
public record CallbackSubscription(AccountId accountId, String url, Set<CallbackEvent.Type> events, String secret,
                                   Instant createdAt, Instant updatedAt) {

    public CallbackSubscription {
        events = Set.copyOf(events);
    }

    public boolean wants(CallbackEvent.Type type) {
        return events.contains(type);
    }
}
