package smsplatform.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.domain.SendLimits;
import smsplatform.domain.SerialNo;
import smsplatform.ports.SendCounters;

/** The send-history port in memory: the same verdicts as DynamoSendCounters (a day of history per number). */
final class InMemorySendCounters implements SendCounters {

    private final Map<String, List<SendLimits.Sent>> histories = new HashMap<>();

    private SendLimits.Verdict admit(AccountId accountId, String phoneNumber, String contentDigest, SerialNo serialNo, Instant now) {
        List<SendLimits.Sent> history = histories.computeIfAbsent(accountId + "/" + phoneNumber, k -> new ArrayList<>());
        if (history.stream().anyMatch(s -> s.serialNo().equals(serialNo))) {
            return SendLimits.Verdict.OK;
        }
        history.removeIf(s -> !s.at().isAfter(now.minus(Duration.ofDays(1))));
        SendLimits.Verdict verdict = SendLimits.check(history, contentDigest, now);
        if (verdict == SendLimits.Verdict.OK) {
            history.add(new SendLimits.Sent(now, contentDigest, serialNo));
        }
        return verdict;
    }

    @Override
    public synchronized List<SendLimits.Verdict> admitAll(AccountId accountId, List<Send> sends, String contentDigest, Instant now) {
        return sends.stream().map(s -> admit(accountId, s.phoneNumber(), contentDigest, s.serialNo(), now)).toList();
    }

    /** Sends counted for the number (E.164) in the last day. */
    synchronized int counted(AccountId accountId, String phoneNumber) {
        return histories.getOrDefault(accountId + "/" + phoneNumber, List.of()).size();
    }
}
