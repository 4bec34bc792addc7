package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import smsplatform.domain.AccountId;
import smsplatform.domain.Page;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One kind of versioned item under an account ({@code <PREFIX><id>}, e.g. {@code SIGNATURE#sig-…}):
 * its conditional write on the version and its newest-first listing with an optional status filter.
 */
final class AccountItems<T> {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String prefix;
    private final Pattern sortKey;
    private final Function<Map<String, AttributeValue>, T> read;
    private final Function<T, String> id;

    AccountItems(DynamoDbClient dynamo, String table, String prefix, Pattern sortKey,
                 Function<Map<String, AttributeValue>, T> read, Function<T, String> id) {
        this.dynamo = dynamo;
        this.table = table;
        this.prefix = prefix;
        this.sortKey = sortKey;
        this.read = read;
        this.id = id;
    }

    /** Writes the item if the stored one is still at {@code expected}; false if it moved on (or is gone). */
    boolean putIfVersion(Map<String, AttributeValue> item, long expected) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expected))));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    /** The account's items, newest first; {@code nextToken} only as a position this listing wrote. */
    Page<T> list(AccountId accountId, String status, int limit, String nextToken) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(account(accountId)));
        values.put(":prefix", s(prefix));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .scanIndexForward(false).consistentRead(true).limit(limit);
        if (status != null) {
            values.put(":status", s(status));
            query.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"));
        }
        if (nextToken != null) {
            String sk = Items.decodeToken(nextToken);
            if (!sortKey.matcher(sk).matches()) {
                throw Items.invalidToken();
            }
            query.exclusiveStartKey(key(account(accountId), sk));
        }
        QueryResponse response = dynamo.query(query.expressionAttributeValues(values).build());
        List<T> items = response.items().stream().map(read).toList();
        String token = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Items.encodeToken(response.lastEvaluatedKey().get("sk").s()) : null;
        return new Page<>(items, token, items.stream().map(item -> Items.encodeToken(prefix + id.apply(item))).toList());
    }
}
