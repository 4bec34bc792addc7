package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import smsplatform.domain.AccountId;
import smsplatform.domain.SendLimits;
import smsplatform.domain.SerialNo;
import smsplatform.ports.SendCounters;
import smsplatform.support.Parallel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@code ACCOUNT#<id> / RATE#<number>}: the number's sends of the last 24 hours and a version. A send
 * is admitted by one conditional write on that version, so concurrent requests for one number are
 * serialised by DynamoDB and no limit is ever exceeded.
 */
public final class DynamoSendCounters implements SendCounters {

    private static final int ATTEMPTS = 50;
    /** BatchGetItem's maximum. */
    private static final int READ_BATCH = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSendCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * The numbers' histories in one consistent BatchGetItem per 100 numbers, then one conditional write
     * per admitted send (distinct numbers in parallel): a 200-number request reads in 2 calls, not 200.
     */
    @Override
    public List<SendLimits.Verdict> admitAll(AccountId accountId, List<Send> sends, String contentDigest, Instant now) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < sends.size(); i++) {
            positions.computeIfAbsent(sends.get(i).phoneNumber(), k -> new ArrayList<>()).add(i);
        }
        // One number: its GetItem is the read (null: read it in admit).
        Map<String, Map<String, AttributeValue>> histories = positions.size() == 1 ? null
                : read(accountId, new ArrayList<>(positions.keySet()));
        SendLimits.Verdict[] verdicts = new SendLimits.Verdict[sends.size()];
        Parallel.map(new ArrayList<>(positions.entrySet()), entry -> {
            Map<String, AttributeValue> known = histories == null ? null : histories.getOrDefault(entry.getKey(), Map.of());
            for (int i : entry.getValue()) {
                Admission admission = admit(accountId, entry.getKey(), contentDigest, sends.get(i).serialNo(), now, known);
                verdicts[i] = admission.verdict();
                known = admission.history();
            }
            return null;
        });
        return List.of(verdicts);
    }

    /** A verdict and the number's history as it now stands (as written, or as last read). */
    private record Admission(SendLimits.Verdict verdict, Map<String, AttributeValue> history) {}

    /** {@code known}: the number's stored history if just read (empty: none stored), or null to read it. */
    private Admission admit(AccountId accountId, String phoneNumber, String contentDigest, SerialNo serialNo, Instant now,
                            Map<String, AttributeValue> known) {
        Map<String, AttributeValue> key = key(account(accountId), "RATE#" + phoneNumber);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = attempt == 0 && known != null ? known
                    : dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            boolean exists = item != null && !item.isEmpty();
            long version = exists ? Long.parseLong(item.get("version").n()) : 0;
            List<SendLimits.Sent> history = new ArrayList<>();
            if (exists) {
                for (AttributeValue v : item.get("sends").l()) {
                    String[] parts = v.s().split("\\|", 3);
                    SendLimits.Sent sent = new SendLimits.Sent(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1],
                            new SerialNo(parts[2]));
                    if (sent.serialNo().equals(serialNo)) {
                        return new Admission(SendLimits.Verdict.OK, item);
                    }
                    if (sent.at().isAfter(now.minus(Duration.ofDays(1)))) {
                        history.add(sent);
                    }
                }
            }
            SendLimits.Verdict verdict = SendLimits.check(history, contentDigest, now);
            if (verdict != SendLimits.Verdict.OK) {
                return new Admission(verdict, item);
            }
            history.add(new SendLimits.Sent(now, contentDigest, serialNo));
            Map<String, AttributeValue> next = new HashMap<>(key);
            next.put("sends", AttributeValue.fromL(history.stream()
                    .map(h -> AttributeValue.fromS(h.at().toEpochMilli() + "|" + h.contentDigest() + "|" + h.serialNo().value()))
                    .toList()));
            next.put("version", n(version + 1));
            next.put("expiresAt", n(now.plus(Duration.ofDays(2)).getEpochSecond()));
            try {
                if (exists) {
                    dynamo.putItem(b -> b.tableName(table).item(next).conditionExpression("version = :v")
                            .expressionAttributeValues(Map.of(":v", n(version))));
                } else {
                    dynamo.putItem(b -> b.tableName(table).item(next).conditionExpression("attribute_not_exists(pk)"));
                }
                return new Admission(SendLimits.Verdict.OK, next);
            } catch (ConditionalCheckFailedException raced) {
                Backoff.contended(attempt);
            }
        }
        throw new IllegalStateException("sending to " + phoneNumber + " is too contended; retry");
    }

    /** Stored histories by number (absent numbers have none), 100 keys per consistent BatchGetItem. */
    private Map<String, Map<String, AttributeValue>> read(AccountId accountId, List<String> numbers) {
        Map<String, Map<String, AttributeValue>> found = new ConcurrentHashMap<>();
        Parallel.inBatches(numbers, READ_BATCH, chunk -> {
            List<Map<String, AttributeValue>> keys = chunk.stream()
                    .map(number -> key(account(accountId), "RATE#" + number)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("send histories could not be read; retry");
                }
                if (attempt > 0) {
                    Backoff.contended(attempt);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(item.get("sk").s().substring("RATE#".length()), item));
                pending = response.unprocessedKeys();
            }
            return null;
        });
        return found;
    }
}
