package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.domain.Failure;
import smsplatform.ports.IdempotencyStore;
import smsplatform.support.Digests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@code ACCOUNT#<id> / IDEMPOTENCY#<sha-256 of the key>}. Expiry is checked in the conditions
 * ({@code expiresAt}, also the table's TTL attribute, whose deletion is lazy); an attempt holds the
 * key for a lease, after which a retry may take it over.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {

    public static final Duration RETENTION = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Begin begin(AccountId accountId, String key, String requestHash, String newSeed, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(itemKey(accountId, key));
        item.put("requestHash", s(requestHash));
        item.put("state", s("RUNNING"));
        item.put("seed", s(newSeed));
        item.put("leaseUntil", n(now.plus(LEASE).toEpochMilli()));
        item.put("expiresAt", n(now.plus(RETENTION).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))));
            return new Run(newSeed);
        } catch (ConditionalCheckFailedException exists) {
            // answered below
        }
        Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).key(itemKey(accountId, key))
                .consistentRead(true)).item();
        if (current == null || current.isEmpty()) {
            return begin(accountId, key, requestHash, newSeed, now);
        }
        if (!requestHash.equals(current.get("requestHash").s())) {
            throw Failure.conflict("IdempotencyKeyReuse",
                    "This Idempotency-Key was used with a different request in the last 24 hours");
        }
        if ("DONE".equals(current.get("state").s())) {
            return new Replay(Integer.parseInt(current.get("status").n()), current.get("body").s());
        }
        String lease = current.get("leaseUntil").n();
        if (Long.parseLong(lease) > now.toEpochMilli()) {
            throw Failure.conflict("IdempotencyKeyInProgress",
                    "The first request with this Idempotency-Key is still running; retry in a moment");
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(itemKey(accountId, key))
                    .updateExpression("SET leaseUntil = :until")
                    .conditionExpression("leaseUntil = :seen AND #state = :running")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":until", n(now.plus(LEASE).toEpochMilli()),
                            ":seen", AttributeValue.fromN(lease), ":running", s("RUNNING"))));
        } catch (ConditionalCheckFailedException raced) {
            throw Failure.conflict("IdempotencyKeyInProgress",
                    "The first request with this Idempotency-Key is still running; retry in a moment");
        }
        return new Run(current.get("seed").s());
    }

    @Override
    public void complete(AccountId accountId, String key, int status, String body, Instant now) {
        dynamo.updateItem(b -> b.tableName(table).key(itemKey(accountId, key))
                .updateExpression("SET #state = :done, #status = :status, body = :body")
                .expressionAttributeNames(Map.of("#state", "state", "#status", "status"))
                .expressionAttributeValues(Map.of(":done", s("DONE"), ":status", n(status), ":body", s(body))));
    }

    @Override
    public void release(AccountId accountId, String key) {
        dynamo.updateItem(b -> b.tableName(table).key(itemKey(accountId, key))
                .updateExpression("SET leaseUntil = :zero")
                .expressionAttributeValues(Map.of(":zero", n(0))));
    }

    private static Map<String, AttributeValue> itemKey(AccountId accountId, String key) {
        return key(account(accountId), "IDEMPOTENCY#" + Digests.sha256Hex(key));
    }
}
