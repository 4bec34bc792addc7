package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.InboundSms;
import smsplatform.domain.OptOutKeywords;
import smsplatform.domain.Reply;
import smsplatform.domain.TestIds;

/** DESIGN §12 on in-memory ports: attribution, keywords, and exactly-once under redelivery, in milliseconds. */
class ReplyServiceTest {

    static final Instant T0 = Instant.parse("2030-03-01T08:00:00Z");
    static final String HANDSET = "+8613800138000";

    final InMemoryRecipients recipients = new InMemoryRecipients();
    final InMemoryReplies replies = new InMemoryReplies();
    final InMemoryOptOuts optOuts = new InMemoryOptOuts();
    final List<CallbackEvent> events = new ArrayList<>();
    final ReplyService service = new ReplyService(recipients, replies, optOuts, events::addAll);
    int ids;

    InboundSms reply(String text, Instant at) {
        return new InboundSms("in-" + (++ids), HANDSET, "+10000000000", text, at);
    }

    @Test
    void aReplyBelongsToTheAccountWhoseMessageTheNumberReceivedLast() {
        recipients.accepted(HANDSET, T0, new AccountId("acme"), TestIds.serial("a"));
        recipients.accepted(HANDSET, T0.plusSeconds(60), new AccountId("globex"), TestIds.serial("g"));
        recipients.accepted("+8613900139000", T0.plusSeconds(120), new AccountId("acme"), TestIds.serial("other"));

        service.receive(reply("hello", T0.plusSeconds(300)));

        assertThat(replies.stored.values()).singleElement().satisfies(r -> {
            assertThat(r.accountId()).isEqualTo(new AccountId("globex"));
            assertThat(r.serialNo()).isEqualTo(TestIds.serial("g"));
            assertThat(r.keyword()).isNull();
        });
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CallbackEvent.Type.REPLY);
            assertThat(e.accountId()).isEqualTo(new AccountId("globex"));
            assertThat(e.data()).containsEntry("text", "hello").containsEntry("serialNo", TestIds.serial("g").value())
                    .containsEntry("phoneNumber", HANDSET).doesNotContainKey("keyword");
        });
    }

    @Test
    void aReplyMoreThanSevenDaysAfterTheLastMessageIsKeptApartAndNeverGuessed() {
        recipients.accepted(HANDSET, T0, new AccountId("acme"), TestIds.serial("a"));
        InboundSms late = reply("TD", T0.plus(ReplyService.ATTRIBUTION_WINDOW).plusSeconds(1));

        service.receive(late);
        service.receive(late);

        assertThat(replies.stored).isEmpty();
        assertThat(replies.unattributed).containsOnlyKeys(late.inboundMessageId());
        assertThat(optOuts.find(new AccountId("acme"), HANDSET)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aReplyJustInsideTheWindowIsStillAttributed() {
        recipients.accepted(HANDSET, T0, new AccountId("acme"), TestIds.serial("a"));

        service.receive(reply("ok", T0.plus(ReplyService.ATTRIBUTION_WINDOW)));

        assertThat(replies.stored.values()).extracting(Reply::accountId).containsExactly(new AccountId("acme"));
    }

    @Test
    void aKeywordInFullWidthOrMixedCaseOptsOutAndStartOptsBackIn() {
        recipients.accepted(HANDSET, T0, new AccountId("acme"), TestIds.serial("a"));

        service.receive(reply(" ｔＤ\u3000", T0.plusSeconds(10)));
        assertThat(optOuts.optedOut(new AccountId("acme"), List.of(HANDSET))).containsExactly(HANDSET);
        assertThat(optOuts.optedOut(new AccountId("globex"), List.of(HANDSET))).isEmpty();

        service.receive(reply("Start", T0.plusSeconds(20)));
        assertThat(optOuts.optedOut(new AccountId("acme"), List.of(HANDSET))).isEmpty();
        assertThat(events).extracting(e -> e.data().get("keyword")).containsExactly("OPT_OUT", "OPT_IN");
    }

    @Test
    void aLateRedeliveredOptOutNeverUndoesALaterStart() {
        recipients.accepted(HANDSET, T0, new AccountId("acme"), TestIds.serial("a"));
        InboundSms stop = reply("STOP", T0.plusSeconds(10));

        service.receive(stop);
        service.receive(reply("START", T0.plusSeconds(20)));
        service.receive(stop);

        assertThat(optOuts.optedOut(new AccountId("acme"), List.of(HANDSET))).isEmpty();
        assertThat(replies.stored).hasSize(2);
    }

    @Test
    void aRedeliveredReplyIsStoredOnceAndItsEventRepublishedOnlyUntilItIsKnownPublished() {
        recipients.accepted(HANDSET, T0, new AccountId("acme"), TestIds.serial("a"));
        AtomicBoolean publisherDown = new AtomicBoolean(true);
        List<CallbackEvent> published = new ArrayList<>();
        ReplyService crashing = new ReplyService(recipients, replies, optOuts, batch -> {
            if (publisherDown.getAndSet(false)) {
                throw new IllegalStateException("queue unreachable");
            }
            published.addAll(batch);
        });
        InboundSms sms = reply("R", T0.plusSeconds(5));

        assertThatThrownBy(() -> crashing.receive(sms)).hasMessageContaining("unreachable");
        crashing.receive(sms);
        crashing.receive(sms);

        assertThat(replies.stored).hasSize(1);
        assertThat(published).extracting(CallbackEvent::eventId).containsExactly("reply_" + sms.inboundMessageId());
        assertThat(optOuts.optedOut(new AccountId("acme"), List.of(HANDSET))).containsExactly(HANDSET);
    }

    @Test
    void onlyAnExactKeywordCounts() {
        assertThat(OptOutKeywords.of("TD please")).isEmpty();
        assertThat(OptOutKeywords.of("STOP!")).isEmpty();
        assertThat(OptOutKeywords.of("")).isEmpty();
        assertThat(OptOutKeywords.of(null)).isEmpty();
        for (String word : List.of("r", "T", "td", "n", "Stop", "UNSUBSCRIBE", "退订", "拒收", "ＳＴＯＰ", "\tTd\n")) {
            assertThat(OptOutKeywords.of(word)).as(word).contains(OptOutKeywords.Action.OPT_OUT);
        }
        assertThat(OptOutKeywords.of("ｓｔａｒｔ")).contains(OptOutKeywords.Action.OPT_IN);
        assertThat(OptOutKeywords.of("STARTS")).isEmpty();
    }

    @Test
    void aReplyBeforeAnyMessageToThatNumberIsUnattributed() {
        recipients.accepted(HANDSET, T0.plus(Duration.ofHours(1)), new AccountId("acme"), TestIds.serial("a"));

        service.receive(reply("hi", T0));

        assertThat(replies.unattributed).hasSize(1);
        assertThat(replies.stored).isEmpty();
    }

    @Test
    void aReplyPublishedTwiceKeepsItsFirstTimeAndAttributionEvenAfterAnotherAccountSentToTheNumber() {
        recipients.accepted(HANDSET, T0, new AccountId("acme"), TestIds.serial("a"));
        InboundSms first = reply("TD", T0.plusSeconds(10));
        service.receive(first);
        recipients.accepted(HANDSET, T0.plusSeconds(20), new AccountId("globex"), TestIds.serial("g"));

        service.receive(new InboundSms(first.inboundMessageId(), HANDSET, first.to(), "TD", T0.plusSeconds(30)));

        assertThat(replies.stored.values()).singleElement().satisfies(r -> {
            assertThat(r.accountId()).isEqualTo(new AccountId("acme"));
            assertThat(r.receivedAt()).isEqualTo(T0.plusSeconds(10));
        });
        assertThat(optOuts.find(new AccountId("globex"), HANDSET)).isEmpty();
        assertThat(events).hasSize(1);
    }
}
