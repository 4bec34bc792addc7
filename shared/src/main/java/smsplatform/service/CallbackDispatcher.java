package smsplatform.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.callbacks.CallbackFailure;
import smsplatform.domain.callbacks.CallbackRetry;
import smsplatform.domain.callbacks.CallbackSubscription;
import smsplatform.domain.callbacks.QueuedCallback;
import smsplatform.json.CallbackJson;
import smsplatform.json.Json;
import smsplatform.log.Log;
import smsplatform.ports.CallbackQueue;
import smsplatform.ports.CallbackStore;
import smsplatform.ports.Webhooks;
import smsplatform.support.WebhookSignature;

/**
 * One delivery attempt of one event. The subscription is read at each attempt (a rotated secret or a new
 * URL applies from the next attempt on); a failed attempt is queued again for its backoff before the
 * message that carried it is acknowledged (at least once: a crash in between delivers it twice, never
 * zero times); past the retry window the event is kept as a failure.
 */
public final class CallbackDispatcher {

    private final CallbackStore store;
    private final Webhooks webhooks;
    private final CallbackQueue queue;
    private final CallbackRetry retry;
    private final Clock clock;

    public CallbackDispatcher(CallbackStore store, Webhooks webhooks, CallbackQueue queue, CallbackRetry retry,
                              Clock clock) {
        this.store = store;
        this.webhooks = webhooks;
        this.queue = queue;
        this.retry = retry;
        this.clock = clock;
    }

    public void dispatch(QueuedCallback queued) {
        CallbackEvent event = queued.event();
        Instant now = clock.instant();
        Log.context("eventId", event.eventId(), "accountId", event.accountId());
        if (queued.notBefore() != null && queued.notBefore().isAfter(now)) {
            queue.send(queued, CallbackRetry.delaySeconds(queued.notBefore(), now));
            Log.info("callback.waiting", "due", queued.notBefore());
            return;
        }
        Optional<CallbackSubscription> subscription = store.find(event.accountId());
        if (subscription.isEmpty() || !subscription.get().wants(event.type())) {
            Log.info("callback.dropped", "type", event.type(),
                    "reason", subscription.isEmpty() ? "no subscription" : "type not subscribed");
            return;
        }
        CallbackSubscription sub = subscription.get();
        Instant first = queued.firstAttemptAt() == null ? now : queued.firstAttemptAt();
        int attempt = queued.attempts() + 1;
        String body = CallbackJson.delivery(event);
        Webhooks.Attempt result = webhooks.post(URI.create(sub.url()), Map.of(
                WebhookSignature.EVENT_ID_HEADER, event.eventId(),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(sub.secret(), now.getEpochSecond(), body)),
                body);
        if (result.delivered()) {
            Log.info("callback.delivered", "attempt", attempt, "status", result.status());
            return;
        }
        Optional<Instant> due = retry.next(first, attempt, now);
        if (due.isPresent()) {
            queue.send(queued.retry(first, due.get()), CallbackRetry.delaySeconds(due.get(), now));
            Log.warn("callback.retrying", "attempt", attempt, "status", result.status(), "error", result.error(),
                    "due", due.get());
            return;
        }
        boolean omitted = Json.write(event.data()).getBytes(StandardCharsets.UTF_8).length > CallbackFailure.MAX_DATA_BYTES;
        store.recordFailure(event.accountId(), new CallbackFailure(event, omitted, sub.url(), attempt, first, now,
                result.error()));
        Log.warn("callback.given-up", "attempts", attempt, "firstAttemptAt", first, "error", result.error());
    }
}
