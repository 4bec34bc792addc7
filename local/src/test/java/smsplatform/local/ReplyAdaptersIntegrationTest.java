package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoOptOuts;
import smsplatform.aws.DynamoRecipients;
import smsplatform.aws.DynamoReplies;
import smsplatform.domain.AccountId;
import smsplatform.domain.InboundSms;
import smsplatform.domain.OptOut;
import smsplatform.domain.Page;
import smsplatform.domain.Reply;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage.StatusChange;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TemplateId;
import smsplatform.ports.MessageStore;
import smsplatform.ports.Replies;

/**
 * The adapters of replies and opt-outs through the real SDK against the selected backend: the acceptance of a
 * message is what attributes a number, the opt-out list is read in batches of a hundred, consistently, and a
 * reply is stored once and listed by time.
 */
@ResourceLock(AwsBackend.LOCK)
class ReplyAdaptersIntegrationTest extends OnAwsBackend {

    static final Instant T0 = Instant.parse("2030-05-01T08:00:00Z");

    void accepted(DynamoMessageStore messages, AccountId account, SerialNo serialNo, String number, Instant at) {
        messages.recordQueued(List.of(new SmsMessage(account, serialNo, number, "Reply Labs",
                new TemplateId(TemplateId.PREFIX + "0".repeat(26)), "【Reply Labs】hi",
                1, Status.QUEUED, List.of(new StatusChange(Status.QUEUED, at, null)), at)), false);
        assertThat(messages.transition(account, serialNo, Status.QUEUED, new StatusChange(Status.SENT, at, null))).isTrue();
        assertThat(messages.recordAcceptance(account, serialNo, "carrier-" + serialNo,
                new StatusChange(Status.SENT, at.plusMillis(5), "accepted"))).isTrue();
    }

    @Test
    void aNumberIsAttributedToTheAccountWhoseMessageTheCarrierAcceptedLastBeforeTheReply() {
        DynamoMessageStore messages = new DynamoMessageStore(backend.dynamo, backend.table());
        DynamoRecipients recipients = new DynamoRecipients(backend.dynamo, backend.table());
        String number = "+8613722220001";
        accepted(messages, new AccountId("reply-a"), TestSerials.of("reply-a"), number, T0);
        accepted(messages, new AccountId("reply-b"), TestSerials.of("reply-b"), number, T0.plusSeconds(60));
        accepted(messages, new AccountId("reply-a"), TestSerials.of("reply-later"), number, T0.plusSeconds(3600));
        messages.recordQueued(List.of(new SmsMessage(new AccountId("reply-c"), TestSerials.of("reply-queued"), number, "X",
                new TemplateId(TemplateId.PREFIX + "0".repeat(26)), "x", 1,
                Status.QUEUED, List.of(new StatusChange(Status.QUEUED, T0.plusSeconds(120), null)), T0.plusSeconds(120))), false);

        assertThat(recipients.lastMessageTo(number, T0.minusSeconds(3600), T0.plusSeconds(600)))
                .contains(new MessageStore.Ref(new AccountId("reply-b"), TestSerials.of("reply-b")));
        assertThat(recipients.lastMessageTo(number, T0.plusSeconds(3000), T0.plusSeconds(9000)))
                .contains(new MessageStore.Ref(new AccountId("reply-a"), TestSerials.of("reply-later")));
        assertThat(recipients.lastMessageTo(number, T0.minusSeconds(3600), T0.minusSeconds(1))).isEmpty();
        assertThat(recipients.lastMessageTo("+8613722220002", T0.minusSeconds(3600), T0.plusSeconds(9000))).isEmpty();
    }

    @Test
    void twoHundredAndFiftyNumbersAreCheckedInBatchesAndTheLatestDecisionWins() {
        DynamoOptOuts optOuts = new DynamoOptOuts(backend.dynamo, backend.table());
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            numbers.add(String.format("+861372223%04d", i));
        }
        for (int i = 0; i < 250; i += 50) {
            assertThat(optOuts.decide(new AccountId("batch"), numbers.get(i), true, T0, OptOut.Source.REPLY)).isTrue();
        }
        assertThat(optOuts.decide(new AccountId("batch"), numbers.get(100), false, T0.plusSeconds(1), OptOut.Source.REPLY)).isTrue();
        assertThat(optOuts.decide(new AccountId("batch"), numbers.get(100), true, T0, OptOut.Source.REPLY))
                .as("an older decision, redelivered late").isFalse();

        assertThat(optOuts.optedOut(new AccountId("batch"), numbers))
                .containsExactlyInAnyOrder(numbers.get(0), numbers.get(50), numbers.get(150), numbers.get(200));
        assertThat(optOuts.optedOut(new AccountId("someone-else"), numbers)).isEmpty();
        Page<OptOut> first = optOuts.list(new AccountId("batch"), 3, null);
        assertThat(first.items()).extracting(OptOut::phoneNumber).containsExactly(numbers.get(0), numbers.get(50), numbers.get(150));
        assertThat(optOuts.list(new AccountId("batch"), 3, first.nextToken()).items()).extracting(OptOut::phoneNumber)
                .containsExactly(numbers.get(200));
    }

    @Test
    void aReplyIsStoredOnceAndListedNewestFirstWithinItsRange() {
        DynamoReplies replies = new DynamoReplies(backend.dynamo, backend.table());
        List<Reply> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(new Reply(new AccountId("replies-list"), "in-" + i, "+8613722240000", "+10000000000", "reply " + i,
                    T0.plusSeconds(i * 60L), TestSerials.of("x"), null));
        }
        made.forEach(r -> assertThat(replies.record(r).first()).isTrue());
        assertThat(replies.record(made.get(2))).isEqualTo(new Replies.Recorded(false, false));
        replies.announced(made.get(2));
        assertThat(replies.record(made.get(2)).announced()).isTrue();

        Page<Reply> page = replies.list(new AccountId("replies-list"), T0.plusSeconds(60), T0.plusSeconds(240), 2, null);
        assertThat(page.items()).extracting(Reply::replyId).containsExactly("in-4", "in-3");
        Page<Reply> next = replies.list(new AccountId("replies-list"), T0.plusSeconds(60), T0.plusSeconds(240), 2, page.nextToken());
        assertThat(next.items()).extracting(Reply::replyId).containsExactly("in-2", "in-1");
        assertThat(next.items().get(0)).isEqualTo(made.get(2));
        assertThat(replies.list(new AccountId("replies-list"), T0.plusSeconds(60), T0.plusSeconds(240), 2, next.nextToken()).items())
                .isEmpty();
        assertThat(replies.list(new AccountId("someone-else"), T0, T0.plusSeconds(240), 10, null).items()).isEmpty();
        assertThat(Set.copyOf(replies.list(new AccountId("replies-list"), T0, T0.plusSeconds(240), 10, null).items())).hasSize(5);
    }

    @Test
    void theFirstClaimOfAnInboundMessageFixesItsTimeAndAttribution() {
        DynamoReplies replies = new DynamoReplies(backend.dynamo, backend.table());
        InboundSms sms = new InboundSms("in-claim-" + System.nanoTime(), "+8613722250000", "+10000000000", "hi", T0);
        MessageStore.Ref acme = new MessageStore.Ref(new AccountId("claim-acme"), TestSerials.of("1"));

        assertThat(replies.claim(sms, Optional.of(acme))).isEqualTo(new Replies.Claim(true, T0, Optional.of(acme)));
        InboundSms again = new InboundSms(sms.inboundMessageId(), sms.from(), sms.to(), "hi", T0.plusSeconds(9));
        assertThat(replies.claim(again, Optional.of(new MessageStore.Ref(new AccountId("claim-globex"), TestSerials.of("2")))))
                .isEqualTo(new Replies.Claim(false, T0, Optional.of(acme)));

        InboundSms stray = new InboundSms("in-stray-" + System.nanoTime(), "+8613722250001", "+10000000000", "?", T0);
        assertThat(replies.claim(stray, Optional.empty()).first()).isTrue();
        assertThat(replies.claim(stray, Optional.of(acme))).isEqualTo(new Replies.Claim(false, T0, Optional.empty()));
    }
}
