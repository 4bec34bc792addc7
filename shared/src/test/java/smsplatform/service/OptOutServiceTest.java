package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.OptOut;
import smsplatform.domain.Page;
import smsplatform.phone.LibPhoneNumberPlan;

/** The opt-out list by hand (DESIGN §12), on in-memory ports. */
class OptOutServiceTest {

    static final Instant NOW = Instant.parse("2030-03-01T08:00:00Z");

    final InMemoryOptOuts optOuts = new InMemoryOptOuts();
    final OptOutService service = new OptOutService(optOuts, new LibPhoneNumberPlan(), Clock.fixed(NOW, ZoneOffset.UTC));
    final Caller acme = new Caller(new AccountId("acme"), AccountType.ENTERPRISE, "user-acme", Set.of("sms/send"));
    final Caller other = new Caller(new AccountId("other"), AccountType.ENTERPRISE, "user-other", Set.of("sms/send"));

    @Test
    void aNumberWrittenInAnyAcceptedFormIsKeptInE164AndPutTwiceChangesNothing() {
        OptOut first = service.optOut(acme, "13800138000");
        OptOut again = service.optOut(acme, "008613800138000");

        assertThat(first.phoneNumber()).isEqualTo("+8613800138000");
        assertThat(again).isEqualTo(first);
        assertThat(first.source()).isEqualTo(OptOut.Source.API);
        assertThat(optOuts.optedOut(new AccountId("acme"), List.of("+8613800138000"))).containsExactly("+8613800138000");
        assertThat(optOuts.optedOut(new AccountId("other"), List.of("+8613800138000"))).isEmpty();
    }

    @Test
    void removingANumberNotOnTheListIsNotFoundAndRemovingOneOnItTakesItOff() {
        assertThatThrownBy(() -> service.optIn(acme, "+8613800138000")).isInstanceOf(Failure.class)
                .extracting("category").isEqualTo(Failure.Category.NOT_FOUND);
        service.optOut(acme, "+8613800138000");
        assertThatThrownBy(() -> service.optIn(other, "+8613800138000")).isInstanceOf(Failure.class);

        service.optIn(acme, "+8613800138000");

        assertThat(optOuts.optedOut(new AccountId("acme"), List.of("+8613800138000"))).isEmpty();
        assertThat(service.list(acme, 10, null).items()).isEmpty();
    }

    @Test
    void anInvalidNumberIsRefusedWithTheSendSmsCode() {
        assertThatThrownBy(() -> service.optOut(acme, "12ab")).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("InvalidParameterValue.IncorrectPhoneNumber");
        assertThat(service.list(acme, 10, null).items()).isEmpty();
    }

    @Test
    void theListPagesThroughEveryOptedOutNumberOnceAndOnlyTheCallersOwn() {
        for (int i = 10; i < 25; i++) {
            service.optOut(acme, "+86138001380" + i);
        }
        service.optOut(other, "+8613900139000");
        service.optIn(acme, "+8613800138012");

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Page<OptOut> page = service.list(acme, 4, token);
            page.items().forEach(o -> seen.add(o.phoneNumber()));
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).hasSize(14).doesNotHaveDuplicates().doesNotContain("+8613800138012", "+8613900139000");
        String stolen = service.list(acme, 4, null).nextToken();
        assertThatThrownBy(() -> service.list(other, 4, stolen)).isInstanceOf(Failure.class);
    }
}
