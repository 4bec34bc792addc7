package smsplatform.service;

import java.time.Duration;
import java.util.List;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.InboundSms;
import smsplatform.domain.OptOut;
import smsplatform.domain.OptOutKeywords;
import smsplatform.domain.Reply;
import smsplatform.json.ReplyJson;
import smsplatform.log.Log;
import smsplatform.log.Metrics;
import smsplatform.ports.CallbackEvents;
import smsplatform.ports.MessageStore;
import smsplatform.ports.OptOuts;
import smsplatform.ports.Recipients;
import smsplatform.ports.Replies;

/**
 * An SMS from a handset (DESIGN §12): attributed to the account whose message the number received last within
 * {@link #ATTRIBUTION_WINDOW}, stored once, an opt-out keyword applied to that account's list, and a REPLY event
 * published. Every step can be repeated by a redelivery: the first claim of the carrier's id fixes the reply's
 * time and attribution, the list keeps the latest decision by reply time, and the event is published again (same
 * id) until it is known published. A reply no account can be given is kept with its claim, logged and counted
 * once; it is never guessed.
 */
public final class ReplyService {

    public static final Duration ATTRIBUTION_WINDOW = Duration.ofDays(7);

    private final Recipients recipients;
    private final Replies replies;
    private final OptOuts optOuts;
    private final CallbackEvents events;

    public ReplyService(Recipients recipients, Replies replies, OptOuts optOuts, CallbackEvents events) {
        this.recipients = recipients;
        this.replies = replies;
        this.optOuts = optOuts;
        this.events = events;
    }

    public void receive(InboundSms sms) {
        Replies.Claim claim = replies.claim(sms, recipients.lastMessageTo(sms.from(),
                sms.receivedAt().minus(ATTRIBUTION_WINDOW), sms.receivedAt()));
        if (claim.attributedTo().isEmpty()) {
            if (claim.first()) {
                Metrics.count(Metrics.REPLIES_UNATTRIBUTED, 1);
                Log.warn("reply.unattributed", "inboundMessageId", sms.inboundMessageId(), "to", sms.to());
            }
            return;
        }
        MessageStore.Ref message = claim.attributedTo().get();
        OptOutKeywords.Action keyword = OptOutKeywords.of(sms.text()).orElse(null);
        Reply reply = new Reply(message.accountId(), sms.inboundMessageId(), sms.from(), sms.to(), sms.text(),
                claim.receivedAt(), message.serialNo(), keyword);
        Replies.Recorded recorded = replies.record(reply);
        if (recorded.first()) {
            Metrics.count(Metrics.REPLIES_RECEIVED, 1);
        }
        if (keyword != null) {
            optOuts.decide(reply.accountId(), reply.phoneNumber(), keyword == OptOutKeywords.Action.OPT_OUT,
                    reply.receivedAt(), OptOut.Source.REPLY);
        }
        if (!recorded.announced()) {
            events.publish(List.of(event(reply)));
            replies.announced(reply);
        }
        Log.info("reply.received", "accountId", reply.accountId(), "serialNo", reply.serialNo().value(),
                "keyword", keyword == null ? "" : keyword.name(), "first", recorded.first());
    }

    static CallbackEvent event(Reply reply) {
        return new CallbackEvent("reply_" + reply.replyId(), CallbackEvent.Type.REPLY, reply.accountId(),
                reply.receivedAt(), ReplyJson.toApi(reply));
    }
}
