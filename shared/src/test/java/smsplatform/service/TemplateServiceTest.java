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
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;
import smsplatform.ports.ReviewMessage;
import smsplatform.support.Ids;

/** TemplateService on in-memory ports: what is stored and what is queued for review, request by request. */
class TemplateServiceTest {

    final InMemoryTemplateStore store = new InMemoryTemplateStore();
    final List<ReviewMessage> queued = new ArrayList<>();
    final TemplateService templates = new TemplateService(store, queued::add,
            Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC), 3);
    final Caller acme = new Caller(new AccountId("acme"), AccountType.ENTERPRISE, "user-acme", Set.of("sms/send"));
    final Ids.Source ids = Ids.random(Clock.systemUTC());

    static TemplateApplication notice(String content) {
        return new TemplateApplication(" Parcel notice ", TemplateType.NOTIFICATION, false, content,
                List.of(VariableKind.DIGITS), "Pick-up notices");
    }

    @Test
    void aSubmissionIsStoredNormalisedAndQueuedForItsAutomaticReviewAtItsVersion() {
        Template t = templates.submit(acme, notice("Your parcel {1} is at the front desk."), ids);
        assertThat(t.application().name()).isEqualTo("Parcel notice");
        assertThat(t.status()).isEqualTo(TemplateStatus.IN_REVIEW);
        assertThat(queued).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(ReviewMessage.Kind.AUTOMATIC_REVIEW);
            assertThat(m.application()).isEqualTo(ApplicationKind.TEMPLATE);
            assertThat(m.applicationId()).isEqualTo(t.templateId());
            assertThat(m.accountId()).isEqualTo(new AccountId("acme"));
            assertThat(m.version()).isEqualTo(t.version()).isEqualTo(1);
        });
    }

    @Test
    void aTemplateThatBreaksARuleIsRefusedBeforeAnythingIsStoredOrQueued() {
        assertThatThrownBy(() -> templates.submit(acme, notice("【Forged】Your parcel {1} is here."), ids))
                .isInstanceOfSatisfying(Failure.class,
                        f -> assertThat(f.code()).isEqualTo("InvalidParameterValue.TemplateContainsBrackets"));
        assertThat(store.size()).isZero();
        assertThat(queued).isEmpty();
    }

    @Test
    void theQuotaCountsEveryTemplateUntilOneIsDeleted() {
        List<Template> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(templates.submit(acme, notice("Your parcel {1} is at desk " + (char) ('A' + i) + "."), ids));
        }
        assertThatThrownBy(() -> templates.submit(acme, notice("Your parcel {1} is here."), ids))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo("FailedOperation.TemplateNumberLimit"));
        templates.delete(acme, held.get(0).templateId());
        assertThat(templates.submit(acme, notice("Your parcel {1} is here."), ids).status()).isEqualTo(TemplateStatus.IN_REVIEW);
    }

    @Test
    void anotherAccountsTemplateIsNotFoundForReadingModifyingOrDeleting() {
        Template t = templates.submit(acme, notice("Your parcel {1} is at the front desk."), ids);
        Caller other = new Caller(new AccountId("other"), AccountType.ENTERPRISE, "user-other", Set.of("sms/send"));
        for (Runnable call : List.<Runnable>of(() -> templates.get(other, t.templateId()),
                () -> templates.modify(other, t.templateId(), notice("Your parcel {1} moved.")),
                () -> templates.delete(other, t.templateId()))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(Failure.class,
                    f -> assertThat(f.category()).isEqualTo(Failure.Category.NOT_FOUND));
        }
        assertThat(templates.get(acme, t.templateId()).version()).isEqualTo(1);
    }

    @Test
    void aModificationIsReviewedAgainAtItsNewVersion() {
        Template t = templates.submit(acme, notice("Your parcel {1} is at the front desk."), ids);
        Template modified = templates.modify(acme, t.templateId(), notice("Your parcel {1} is at the back door."));
        assertThat(modified.version()).isEqualTo(2);
        assertThat(modified.application().content()).isEqualTo("Your parcel {1} is at the back door.");
        assertThat(queued).extracting(ReviewMessage::version).containsExactly(1L, 2L);
    }
}
