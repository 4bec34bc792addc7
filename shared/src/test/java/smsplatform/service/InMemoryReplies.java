package smsplatform.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import smsplatform.domain.AccountId;
import smsplatform.domain.InboundSms;
import smsplatform.domain.Page;
import smsplatform.domain.Reply;
import smsplatform.ports.MessageStore;
import smsplatform.ports.Replies;

/** Replies in memory: claims and replies by id; positions are reply ids. */
final class InMemoryReplies implements Replies {

    final Map<String, Reply> stored = new LinkedHashMap<>();
    final Set<String> announced = new HashSet<>();
    final Map<String, InboundSms> unattributed = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();

    @Override
    public synchronized Recorded record(Reply reply) {
        boolean first = stored.putIfAbsent(reply.replyId(), reply) == null;
        return new Recorded(first, announced.contains(reply.replyId()));
    }

    @Override
    public synchronized void announced(Reply reply) {
        announced.add(reply.replyId());
    }

    @Override
    public synchronized Claim claim(InboundSms sms, Optional<MessageStore.Ref> attributedTo) {
        Claim first = claims.get(sms.inboundMessageId());
        if (first != null) {
            return new Claim(false, first.receivedAt(), first.attributedTo());
        }
        claims.put(sms.inboundMessageId(), new Claim(true, sms.receivedAt(), attributedTo));
        if (attributedTo.isEmpty()) {
            unattributed.put(sms.inboundMessageId(), sms);
        }
        return claims.get(sms.inboundMessageId());
    }

    @Override
    public synchronized Page<Reply> list(AccountId accountId, Instant from, Instant to, int limit, String after) {
        List<Reply> all = new ArrayList<>(stored.values().stream()
                .filter(r -> r.accountId().equals(accountId) && !r.receivedAt().isBefore(from) && !r.receivedAt().isAfter(to))
                .sorted(Comparator.comparing(Reply::receivedAt).thenComparing(Reply::replyId).reversed()).toList());
        int start = after == null ? 0 : all.stream().map(Reply::replyId).toList().indexOf(after) + 1;
        List<Reply> page = all.subList(start, Math.min(all.size(), start + limit));
        boolean more = start + limit < all.size();
        return new Page<>(page, more ? page.get(page.size() - 1).replyId() : null, page.stream().map(Reply::replyId).toList());
    }
}
