package smsplatform.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * An HTTP handler SnapStart primes: before the snapshot it runs {@link #prime} (side-effect-free
 * requests through {@link SnapStartPriming#run}). Register it with
 * {@code org.crac.Core.getGlobalContext().register(this)} in the constructor Lambda calls.
 */
public interface PrimedApiHandler extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

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
