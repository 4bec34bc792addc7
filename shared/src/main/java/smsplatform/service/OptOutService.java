package smsplatform.service;

import java.time.Clock;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.OptOut;
import smsplatform.domain.Page;
import smsplatform.domain.PhoneNumberPlan;
import smsplatform.ports.OptOuts;

/**
 * The account's opt-out list by hand (DESIGN §12): {@code GET /v1/opt-outs}, {@code PUT|DELETE /v1/opt-outs/{number}}.
 * A number is written in any form SendSms accepts and kept in E.164. Decisions by hand are dated now, so they
 * outrank any earlier reply, and a reply that comes later outranks them.
 */
public final class OptOutService {

    static final String LISTING = "opt-outs";

    private final OptOuts optOuts;
    private final PhoneNumberPlan plan;
    private final Clock clock;

    public OptOutService(OptOuts optOuts, PhoneNumberPlan plan, Clock clock) {
        this.optOuts = optOuts;
        this.plan = plan;
        this.clock = clock;
    }

    public Page<OptOut> list(Caller caller, int limit, String nextToken) {
        String after = PageTokens.open(LISTING, caller.accountId(), nextToken == null || nextToken.isEmpty() ? null : nextToken);
        return optOuts.list(caller.accountId(), limit, after)
                .map(o -> o, number -> PageTokens.bind(LISTING, caller.accountId(), number));
    }

    /** Opts the number out; one already opted out stays as it was (PUT is idempotent). */
    public OptOut optOut(Caller caller, String written) {
        String number = number(written);
        return optOuts.find(caller.accountId(), number).filter(OptOut::optedOut).orElseGet(() -> {
            optOuts.decide(caller.accountId(), number, true, clock.instant(), OptOut.Source.API);
            return optOuts.find(caller.accountId(), number).orElseThrow();
        });
    }

    /** Takes the number off the list: 404 when it is not on it. */
    public void optIn(Caller caller, String written) {
        String number = number(written);
        if (optOuts.find(caller.accountId(), number).filter(OptOut::optedOut).isEmpty()) {
            throw Failure.notFound("An opt-out of " + number);
        }
        optOuts.decide(caller.accountId(), number, false, clock.instant(), OptOut.Source.API);
    }

    private String number(String written) {
        String number = PullService.phoneNumber(plan, written);
        if (number == null) {
            throw Failure.missingField("number");
        }
        return number;
    }
}
