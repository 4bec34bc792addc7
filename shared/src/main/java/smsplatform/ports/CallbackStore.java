package smsplatform.ports;

import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.Page;
import smsplatform.domain.callbacks.CallbackFailure;
import smsplatform.domain.callbacks.CallbackSubscription;

/** An account's callback subscription (one at most) and the events its deliveries gave up on. */
public interface CallbackStore {

    Optional<CallbackSubscription> find(AccountId accountId);

    /** Stores a new subscription; false (and nothing written) if the account already has one. */
    boolean create(CallbackSubscription subscription);

    /** Replaces url, events and updatedAt of the existing subscription, keeping its secret; false if there is none. */
    boolean update(CallbackSubscription subscription);

    /** Replaces the secret of the existing subscription; false if there is none. */
    boolean rotate(CallbackSubscription subscription);

    void delete(AccountId accountId);

    /** Keeps a failure; recording the same event's failure again (a redelivery) writes the same item. */
    void recordFailure(AccountId accountId, CallbackFailure failure);

    /** The account's failures, newest first; {@code position} as a previous page of this listing returned it. */
    Page<CallbackFailure> failures(AccountId accountId, int limit, String position);
}
