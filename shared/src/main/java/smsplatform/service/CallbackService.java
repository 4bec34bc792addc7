package smsplatform.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.callbacks.CallbackFailure;
import smsplatform.domain.callbacks.CallbackSubscription;
import smsplatform.domain.callbacks.CallbackUrlPolicy;
import smsplatform.ports.CallbackStore;

/** The account's webhook: set, read, delete, rotate its secret, and list what was given up on (DESIGN §11). */
public final class CallbackService {

    public static final String EVENTS_CODE = "InvalidParameterValue.CallbackEvents";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallbackStore store;
    private final CallbackUrlPolicy policy;
    private final Clock clock;
    private final Supplier<String> secrets;

    /** The subscription as stored, and whether this call created it (only then is its secret shown). */
    public record Saved(CallbackSubscription subscription, boolean created) {}

    public CallbackService(CallbackStore store, CallbackUrlPolicy policy, Clock clock) {
        this(store, policy, clock, CallbackService::newSecret);
    }

    public CallbackService(CallbackStore store, CallbackUrlPolicy policy, Clock clock, Supplier<String> secrets) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** 32 random bytes, hex, behind a prefix that tells what it is when it turns up in a config file. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    /** Creates the subscription, or changes url and events of the existing one (keeping its secret). */
    public Saved put(Caller caller, String url, List<String> eventNames) {
        String checked = policy.check(url).toString();
        Set<CallbackEvent.Type> events = events(eventNames);
        Instant now = clock.instant();
        for (int tries = 0; tries < 3; tries++) {
            CallbackSubscription existing = store.find(caller.accountId()).orElse(null);
            if (existing == null) {
                CallbackSubscription created = new CallbackSubscription(caller.accountId(), checked, events,
                        secrets.get(), now, now);
                if (store.create(created)) {
                    return new Saved(created, true);
                }
            } else {
                CallbackSubscription changed = new CallbackSubscription(caller.accountId(), checked, events,
                        existing.secret(), existing.createdAt(), now);
                if (store.update(changed)) {
                    return new Saved(changed, false);
                }
            }
        }
        throw Failure.conflict("FailedOperation.ConcurrentModification",
                "The callback changed meanwhile; read it again and retry");
    }

    public CallbackSubscription get(Caller caller) {
        return store.find(caller.accountId()).orElseThrow(() -> Failure.notFound("A callback for this account"));
    }

    public void delete(Caller caller) {
        store.delete(caller.accountId());
    }

    /** A new secret, shown once; the next delivery attempt signs with it. */
    public CallbackSubscription rotate(Caller caller) {
        CallbackSubscription existing = get(caller);
        CallbackSubscription rotated = new CallbackSubscription(caller.accountId(), existing.url(), existing.events(),
                secrets.get(), existing.createdAt(), clock.instant());
        if (!store.rotate(rotated)) {
            throw Failure.notFound("A callback for this account");
        }
        return rotated;
    }

    public Page<CallbackFailure> failures(Caller caller, int limit, String nextToken) {
        Page<CallbackFailure> page = store.failures(caller.accountId(), limit,
                PageTokens.open(PageTokens.CALLBACK_FAILURES, caller.accountId(), nextToken));
        return page.map(f -> f, position -> PageTokens.bind(PageTokens.CALLBACK_FAILURES, caller.accountId(), position));
    }

    private static Set<CallbackEvent.Type> events(List<String> names) {
        if (names.isEmpty()) {
            throw Failure.invalid(EVENTS_CODE, "'events' must name at least one of "
                    + List.of(CallbackEvent.Type.values()), "events");
        }
        Set<CallbackEvent.Type> events = EnumSet.noneOf(CallbackEvent.Type.class);
        for (String name : names) {
            try {
                events.add(CallbackEvent.Type.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw Failure.invalid(EVENTS_CODE, "'events' may hold only " + List.of(CallbackEvent.Type.values()),
                        "events");
            }
        }
        return events;
    }
}
