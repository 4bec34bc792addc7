package smsplatform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.SmsMessage.Cause;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage.StatusChange;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TestIds;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The message item's status history: causes are stored typed, and items stored before them still read. */
class DynamoMessageStoreItemsTest {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    static SmsMessage message(List<StatusChange> history) {
        return new SmsMessage(new AccountId("acme"), TestIds.serial("1"), "+8613800138000", "Acme", TestIds.template("1"), "【Acme】hi", 1,
                history.get(history.size() - 1).status(), history, T0);
    }

    @Test
    void theCausesOfChangesAreStoredAndReadBackWithTheirDetails() {
        List<StatusChange> history = List.of(new StatusChange(Status.QUEUED, T0, null),
                Cause.REQUEUED_BY_SWEEPER.change(Status.QUEUED, T0.plusSeconds(60), "not handed to the carrier within 1 minute"),
                new StatusChange(Status.SENT, T0.plusSeconds(61), null),
                Cause.CARRIER_REFUSED_FOR_NOW.change(Status.SENT, T0.plusSeconds(62), "busy"));
        SmsMessage read = DynamoMessageStore.read(new AccountId("acme"), DynamoMessageStore.item(message(history)));
        assertThat(read.statusHistory()).isEqualTo(history);
        assertThat(read.lastChange().detail()).isEqualTo("carrier refused for now: busy");
    }

    @Test
    void anItemStoredBeforeCausesWereHasThemReadFromTheOpeningWordsOfItsDetails() {
        List<StatusChange> history = List.of(new StatusChange(Status.QUEUED, T0, null),
                new StatusChange(Status.QUEUED, T0.plusSeconds(60), "re-queued by the sweeper: not handed over"),
                new StatusChange(Status.SENT, T0.plusSeconds(62), "carrier refused for now: busy"),
                new StatusChange(Status.FAILED, T0.plusSeconds(90), "retries exhausted; carrier refused for now: busy"));
        Map<String, AttributeValue> item = new HashMap<>(DynamoMessageStore.item(message(history)));
        assertThat(item.get("statusHistory").l()).noneMatch(c -> c.m().containsKey("cause"));

        assertThat(DynamoMessageStore.read(new AccountId("acme"), item).statusHistory()).extracting(StatusChange::cause)
                .containsExactly(null, Cause.REQUEUED_BY_SWEEPER, Cause.CARRIER_REFUSED_FOR_NOW, null);
    }
}
