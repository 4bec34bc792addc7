package smsplatform.ports;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import smsplatform.domain.AccountId;
import smsplatform.domain.OptOut;
import smsplatform.domain.Page;

/** Per account, the numbers (E.164) that refused its marketing. */
public interface OptOuts {

    /**
     * Which of {@code numbers} are opted out of the account's marketing now: a strongly consistent read, so an
     * opt-out recorded before the call is always seen. Batched: one call per hundred numbers, not one per number.
     */
    Set<String> optedOut(AccountId accountId, Collection<String> numbers);

    /**
     * Records the decision unless a later one (by {@code at}) is already recorded; true when it was recorded. Of
     * two decisions at the same millisecond the one recorded last wins; a repeated reply decides the same again.
     */
    boolean decide(AccountId accountId, String number, boolean optedOut, Instant at, OptOut.Source source);

    Optional<OptOut> find(AccountId accountId, String number);

    /** The numbers opted out now, by number, after {@code afterNumber} (null: from the first). */
    Page<OptOut> list(AccountId accountId, int limit, String afterNumber);
}
