package smsplatform.service;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import smsplatform.domain.AccountId;
import smsplatform.domain.Page;
import smsplatform.domain.SmsMessage;
import smsplatform.ports.SentMessages;

/**
 * The listing port in memory, for fast service tests: the same contract as DynamoSentMessages, including
 * a bounded read per page (the filter applies after reading, so a filtered page may come back short).
 */
final class InMemorySentMessages implements SentMessages {

    static final int READ_BUDGET = 10;

    private final TreeMap<String, SmsMessage> byKey = new TreeMap<>();

    synchronized void add(SmsMessage m) {
        byKey.put(m.accountId() + "/" + m.serialNo(), m);
    }

    @Override
    public synchronized Page<SmsMessage> list(AccountId accountId, Filter filter, int limit, String afterSerialNo) {
        List<SmsMessage> inRange = new ArrayList<>(byKey.subMap(accountId + "/" + filter.firstSerialNo(), true,
                accountId + "/" + filter.lastSerialNo(), true).descendingMap().values());
        if (afterSerialNo != null) {
            inRange.removeIf(m -> m.serialNo().value().compareTo(afterSerialNo) >= 0);
        }
        List<SmsMessage> found = new ArrayList<>();
        int read = 0;
        for (SmsMessage m : inRange) {
            if (found.size() == limit || read == READ_BUDGET) {
                break;
            }
            read++;
            if ((filter.phoneNumber() == null || filter.phoneNumber().equals(m.phoneNumber()))
                    && (filter.status() == null || filter.status().equals(m.status().name()))) {
                found.add(m);
            }
        }
        String last = read == 0 ? null : inRange.get(read - 1).serialNo().value();
        return new Page<>(found, read < inRange.size() ? last : null, found.stream().map(m -> m.serialNo().value()).toList());
    }
}
