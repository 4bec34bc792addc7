package smsplatform.http;

import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * A handler SnapStart primes: before the snapshot it runs {@link #prime} (side-effect-free requests
 * through {@link SnapStartPriming#run}). Register it with
 * {@code org.crac.Core.getGlobalContext().register(this)} in the constructor Lambda calls. Handlers
 * keep implementing {@code RequestHandler} themselves: runtimes look for it among a handler's own
 * interfaces.
 */
public interface SnapStartPrimed extends Resource {

    /** Runs the priming requests; returns their statuses. */
    List<Integer> prime();

    @Override
    default void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    default void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: clients hold no connection state that outlives a restore
    }
}
