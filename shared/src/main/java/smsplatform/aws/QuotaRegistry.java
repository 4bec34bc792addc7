package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import smsplatform.domain.AccountId;
import smsplatform.support.Ids;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * An account's quota of one kind of item, without transactions: one registry item holds the set of
 * the ids that use a slot. Adding an id is one conditional write ({@code size(ids) < quota}), so the
 * quota holds under any concurrency, and re-adding the same id is a no-op, so retries never count twice.
 */
final class QuotaRegistry {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String registrySk;

    QuotaRegistry(DynamoDbClient dynamo, String table, String registrySk) {
        this.dynamo = dynamo;
        this.table = table;
        this.registrySk = registrySk;
    }

    /** Adds the id to the account's registry if there is room; re-adding an id already there is a no-op. */
    boolean claim(AccountId accountId, String id, int quota) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(account(accountId), registrySk))
                    .updateExpression("ADD ids :id")
                    .conditionExpression("attribute_not_exists(ids) OR size(ids) < :quota OR contains(ids, :one)")
                    .expressionAttributeValues(Map.of(
                            ":id", AttributeValue.fromSs(List.of(id)),
                            ":one", s(id),
                            ":quota", n(quota))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    void release(AccountId accountId, String id) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(account(accountId), registrySk))
                .updateExpression("DELETE ids :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(id)))));
    }

    /**
     * Frees the slots of ids older than {@code grace} whose item does not exist: a creation interrupted
     * between claiming its slot and writing its item. Returns how many were freed.
     */
    int repair(AccountId accountId, Duration grace, Predicate<String> exists) {
        long cutoff = System.currentTimeMillis() - grace.toMillis();
        Map<String, AttributeValue> registry = dynamo.getItem(b -> b.tableName(table)
                .key(key(account(accountId), registrySk)).consistentRead(true)).item();
        int freed = 0;
        if (registry != null && registry.containsKey("ids")) {
            for (String id : registry.get("ids").ss()) {
                if (Ids.millisOf(id) < cutoff && !exists.test(id)) {
                    release(accountId, id);
                    freed++;
                }
            }
        }
        return freed;
    }
}
