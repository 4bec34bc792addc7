package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import smsplatform.domain.AccountId;
import smsplatform.domain.CallbackEvent;
import smsplatform.domain.Page;
import smsplatform.domain.callbacks.CallbackFailure;
import smsplatform.domain.callbacks.CallbackSubscription;
import smsplatform.json.CallbackJson;
import smsplatform.json.Json;
import smsplatform.ports.CallbackStore;
import smsplatform.support.Digests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Callbacks in the signatures' table. Per account: {@code CALLBACK}, the subscription (url, events,
 * secret); {@code CALLBACKFAIL#<first attempt, ms>#<event digest>}, an event given up on, newest first,
 * expiring after {@link #FAILURE_RETENTION} (the table's TTL). The failure's key derives from the event
 * and its first attempt, so writing it again after a redelivery overwrites the same item.
 */
public final class DynamoCallbackStore implements CallbackStore {

    public static final Duration FAILURE_RETENTION = Duration.ofDays(30);
    static final String SUBSCRIPTION = "CALLBACK";
    static final String FAILURE_PREFIX = "CALLBACKFAIL#";
    static final Pattern FAILURE_SK = Pattern.compile("CALLBACKFAIL#[0-9]{13}#[0-9a-f]{16}");

    private final DynamoDbClient dynamo;
    private final String table;
    private final AccountItems<Stored> failures;

    private record Stored(String id, CallbackFailure failure) {}

    public DynamoCallbackStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.failures = new AccountItems<>(dynamo, table, FAILURE_PREFIX, FAILURE_SK,
                item -> new Stored(item.get("sk").s().substring(FAILURE_PREFIX.length()),
                        CallbackJson.readFailure(Items.accountOf(item.get("pk").s()),
                                Json.parseObject(item.get("doc").s()))),
                Stored::id);
    }

    @Override
    public Optional<CallbackSubscription> find(AccountId accountId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(account(accountId), SUBSCRIPTION)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        EnumSet<CallbackEvent.Type> events = EnumSet.noneOf(CallbackEvent.Type.class);
        item.get("events").l().forEach(e -> events.add(CallbackEvent.Type.valueOf(e.s())));
        return Optional.of(new CallbackSubscription(accountId, item.get("url").s(), events, item.get("secret").s(),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s())));
    }

    @Override
    public boolean create(CallbackSubscription sub) {
        Map<String, AttributeValue> item = new HashMap<>(key(account(sub.accountId()), SUBSCRIPTION));
        item.put("url", s(sub.url()));
        item.put("events", events(sub));
        item.put("secret", s(sub.secret()));
        item.put("createdAt", s(sub.createdAt().toString()));
        item.put("updatedAt", s(sub.updatedAt().toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public boolean update(CallbackSubscription sub) {
        return updateExisting(sub.accountId(), "SET #url = :url, events = :events, updatedAt = :at",
                Map.of(":url", s(sub.url()), ":events", events(sub), ":at", s(sub.updatedAt().toString())));
    }

    @Override
    public boolean rotate(CallbackSubscription sub) {
        return updateExisting(sub.accountId(), "SET secret = :secret, updatedAt = :at",
                Map.of(":secret", s(sub.secret()), ":at", s(sub.updatedAt().toString())));
    }

    private boolean updateExisting(AccountId accountId, String update, Map<String, AttributeValue> values) {
        try {
            UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table)
                    .key(key(account(accountId), SUBSCRIPTION)).updateExpression(update)
                    .conditionExpression("attribute_exists(pk)").expressionAttributeValues(values);
            if (update.contains("#url")) {
                request.expressionAttributeNames(Map.of("#url", "url")); // aliased: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html
            }
            dynamo.updateItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    @Override
    public void delete(AccountId accountId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(account(accountId), SUBSCRIPTION)));
    }

    @Override
    public void recordFailure(AccountId accountId, CallbackFailure failure) {
        String id = String.format("%013d", failure.firstAttemptAt().toEpochMilli()) + "#"
                + Digests.sha256Hex(failure.event().eventId().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        Map<String, AttributeValue> item = new HashMap<>(key(account(accountId), FAILURE_PREFIX + id));
        item.put("doc", s(Json.write(CallbackJson.failure(failure))));
        item.put("expiresAt", n(failure.failedAt().plus(FAILURE_RETENTION).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Page<CallbackFailure> failures(AccountId accountId, int limit, String position) {
        return failures.list(accountId, null, limit, position).map(Stored::failure, token -> token);
    }

    private static AttributeValue events(CallbackSubscription sub) {
        return AttributeValue.fromL(sub.events().stream().map(Enum::name).sorted().map(Items::s).toList());
    }
}
