package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.callbacks.CallbackRetry;
import smsplatform.domain.callbacks.CallbackSubscription;
import smsplatform.domain.callbacks.CallbackUrlPolicy;
import smsplatform.domain.callbacks.QueuedCallback;
import smsplatform.support.WebhookSignature;
import smsplatform.webhook.PinnedHttpWebhooks;

/**
 * The dispatcher with in-memory ports, the real webhook client and a real HTTP receiver on this machine:
 * each queued retry is handed back to the dispatcher by the test, after moving the clock to its due time.
 */
class CallbackDispatcherTest {

    record Received(String eventId, String signature, String body) {}

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-05-01T08:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final MovableClock clock = new MovableClock();
    final InMemoryCallbackStore store = new InMemoryCallbackStore();
    final List<QueuedCallback> queued = new ArrayList<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToAnswer = new AtomicInteger();
    HttpServer receiver;
    CallbackDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Sms-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Sms-Signature"), body));
            exchange.sendResponseHeaders(failuresToAnswer.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        PinnedHttpWebhooks webhooks = new PinnedHttpWebhooks(new CallbackUrlPolicy(true), PinnedHttpWebhooks.Resolver.SYSTEM,
                Duration.ofSeconds(2), Duration.ofSeconds(5), (SSLSocketFactory) SSLSocketFactory.getDefault());
        dispatcher = new CallbackDispatcher(store, webhooks, (callback, delay) -> queued.add(callback),
                new CallbackRetry(Duration.ofMinutes(10)), clock);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    void subscribe(String secret, CallbackEvent.Type... types) {
        store.subscriptions.put(new AccountId("acme"), new CallbackSubscription(new AccountId("acme"),
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", EnumSet.of(types[0], types),
                secret, clock.now, clock.now));
    }

    static CallbackEvent event(String id) {
        return new CallbackEvent(id, CallbackEvent.Type.MESSAGE_STATUS, new AccountId("acme"), Instant.parse("2026-05-01T07:59:00Z"),
                Map.of("serialNo", "sms-1", "status", "DELIVERED"));
    }

    /** Hands every queued retry back to the dispatcher at its due time, until none is left. */
    void drain() {
        while (!queued.isEmpty()) {
            QueuedCallback next = queued.remove(0);
            if (next.notBefore() != null && next.notBefore().isAfter(clock.now)) {
                clock.now = next.notBefore();
            }
            dispatcher.dispatch(next);
        }
    }

    @Test
    void aDeliveryIsSignedWithTheSecretAndCarriesItsEventId() {
        subscribe("whsec_a", CallbackEvent.Type.MESSAGE_STATUS);
        dispatcher.dispatch(QueuedCallback.fresh(event("evt-signed")));
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.eventId()).isEqualTo("evt-signed");
            assertThat(WebhookSignature.verify("whsec_a", r.signature(), r.body(), clock.now, Duration.ofMinutes(5))).isTrue();
            assertThat(r.body()).startsWith("{\"eventId\":\"evt-signed\",\"type\":\"MESSAGE_STATUS\",\"occurredAt\":")
                    .doesNotContain("accountId");
        });
        assertThat(queued).isEmpty();
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventOnTheFourthAttemptAfterTheBackoff() {
        subscribe("whsec_a", CallbackEvent.Type.MESSAGE_STATUS);
        failuresToAnswer.set(3);
        Instant start = clock.now;
        dispatcher.dispatch(QueuedCallback.fresh(event("evt-flaky")));
        drain();
        assertThat(received).hasSize(4).extracting(Received::eventId).containsOnly("evt-flaky");
        assertThat(Duration.between(start, clock.now)).isEqualTo(Duration.ofSeconds(2 + 4 + 8));
        assertThat(store.failures).isEmpty();
    }

    @Test
    void aRotatedSecretSignsTheNextAttempt() {
        subscribe("whsec_old", CallbackEvent.Type.MESSAGE_STATUS);
        failuresToAnswer.set(1);
        dispatcher.dispatch(QueuedCallback.fresh(event("evt-rotated")));
        CallbackSubscription old = store.subscriptions.get(new AccountId("acme"));
        store.rotate(new CallbackSubscription(new AccountId("acme"), old.url(), old.events(), "whsec_new", old.createdAt(), clock.now));
        drain();
        assertThat(received).hasSize(2);
        Duration tolerance = Duration.ofMinutes(5);
        assertThat(WebhookSignature.verify("whsec_old", received.get(0).signature(), received.get(0).body(), clock.now, tolerance)).isTrue();
        assertThat(WebhookSignature.verify("whsec_new", received.get(1).signature(), received.get(1).body(), clock.now, tolerance)).isTrue();
        assertThat(WebhookSignature.verify("whsec_old", received.get(1).signature(), received.get(1).body(), clock.now, tolerance)).isFalse();
    }

    @Test
    void aReceiverDownForTheWholeWindowEndsAsOneFailureWithItsAttempts() {
        subscribe("whsec_a", CallbackEvent.Type.MESSAGE_STATUS);
        failuresToAnswer.set(Integer.MAX_VALUE);
        Instant start = clock.now;
        dispatcher.dispatch(QueuedCallback.fresh(event("evt-down")));
        drain();
        assertThat(store.failures.get(new AccountId("acme"))).singleElement().satisfies(f -> {
            assertThat(f.event().eventId()).isEqualTo("evt-down");
            assertThat(f.attempts()).isEqualTo(received.size());
            assertThat(f.firstAttemptAt()).isEqualTo(start);
            assertThat(f.failedAt()).isBeforeOrEqualTo(start.plus(Duration.ofMinutes(10)));
            assertThat(f.lastError()).isEqualTo("HTTP 503");
        });
        assertThat(received.size()).isBetween(7, 10);
    }

    @Test
    void anEventOfATypeNotSubscribedOrForAnAccountWithoutSubscriptionIsDropped() {
        dispatcher.dispatch(QueuedCallback.fresh(event("evt-nobody")));
        subscribe("whsec_a", CallbackEvent.Type.REVIEW_RESULT);
        dispatcher.dispatch(QueuedCallback.fresh(event("evt-other-type")));
        assertThat(received).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void anAttemptNotDueYetGoesBackOnTheQueueUntouched() {
        subscribe("whsec_a", CallbackEvent.Type.MESSAGE_STATUS);
        QueuedCallback later = QueuedCallback.fresh(event("evt-later")).retry(clock.now, clock.now.plusSeconds(3600));
        dispatcher.dispatch(later);
        assertThat(received).isEmpty();
        assertThat(queued).containsExactly(later);
    }
}
