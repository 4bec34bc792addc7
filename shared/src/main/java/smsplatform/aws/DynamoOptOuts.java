package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import smsplatform.domain.AccountId;
import smsplatform.domain.OptOut;
import smsplatform.domain.Page;
import smsplatform.ports.OptOuts;
import smsplatform.support.Parallel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code ACCOUNT#<id> / OPTOUT#<E.164>} with {@code optedOut} (a number that re-subscribed keeps its item, false)
 * and {@code at} (epoch milliseconds of the decision). A decision is one conditional UpdateItem that only a later
 * decision passes. SendSms reads the list with BatchGetItem, strongly consistent, at most 100 keys a call
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html), in parallel, and again
 * for what DynamoDB left unprocessed.
 */
public final class DynamoOptOuts implements OptOuts {

    private static final String SK = "OPTOUT#";
    /** BatchGetItem's maximum number of keys. */
    private static final int BATCH = 100;
    private static final int ATTEMPTS = 8;
    /** Items a listing page reads at most (numbers that re-subscribed are read and skipped). */
    static final int READ_BUDGET = 200;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOptOuts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Set<String> optedOut(AccountId accountId, Collection<String> numbers) {
        Set<String> found = new HashSet<>();
        Parallel.inBatches(List.copyOf(numbers), BATCH, batch -> readBatch(accountId, batch))
                .forEach(found::addAll);
        return found;
    }

    private List<String> readBatch(AccountId accountId, List<String> numbers) {
        List<String> optedOut = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(numbers.stream().map(number -> key(account(accountId), SK + number)).toList())
                .projectionExpression("phoneNumber, optedOut").build());
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("the opt-out list could not be read");
            }
            if (attempt > 0) {
                Backoff.throttled(attempt);
            }
            Map<String, KeysAndAttributes> request = pending;
            var response = dynamo.batchGetItem(b -> b.requestItems(request));
            response.responses().getOrDefault(table, List.of()).stream()
                    .filter(item -> item.containsKey("optedOut") && item.get("optedOut").bool())
                    .forEach(item -> optedOut.add(item.get("phoneNumber").s()));
            pending = response.unprocessedKeys();
        }
        return optedOut;
    }

    @Override
    public boolean decide(AccountId accountId, String number, boolean optedOut, Instant at, OptOut.Source source) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(account(accountId), SK + number))
                    .updateExpression("SET phoneNumber = :number, optedOut = :out, #at = :at, #source = :source")
                    .conditionExpression("attribute_not_exists(pk) OR #at <= :at")
                    .expressionAttributeNames(Map.of("#at", "at", "#source", "source"))
                    .expressionAttributeValues(Map.of(":number", s(number), ":out", AttributeValue.fromBool(optedOut),
                            ":at", n(at.toEpochMilli()), ":source", s(source.name()))));
            return true;
        } catch (ConditionalCheckFailedException later) {
            return false;
        }
    }

    @Override
    public Optional<OptOut> find(AccountId accountId, String number) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(account(accountId), SK + number)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public Page<OptOut> list(AccountId accountId, int limit, String afterNumber) {
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                .filterExpression("optedOut = :true")
                .expressionAttributeValues(Map.of(":pk", s(account(accountId)), ":sk", s(SK),
                        ":true", AttributeValue.fromBool(true)))
                .build();
        return FilteredPages.read(dynamo, query, account(accountId), SK, true, READ_BUDGET, limit, afterNumber,
                DynamoOptOuts::read, OptOut::phoneNumber);
    }

    private static OptOut read(Map<String, AttributeValue> item) {
        return new OptOut(item.get("phoneNumber").s(), item.get("optedOut").bool(),
                Instant.ofEpochMilli(Long.parseLong(item.get("at").n())), OptOut.Source.valueOf(item.get("source").s()));
    }
}
