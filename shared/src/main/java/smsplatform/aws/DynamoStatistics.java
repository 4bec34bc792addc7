package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.ports.Statistics;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item per account and UTC day, {@code ACCOUNT#<id> / STATS#<yyyy-MM-dd>}, with the number attributes
 * {@code requested sent delivered undelivered failed fee}. {@link #add} is one UpdateItem with {@code ADD}: each
 * increment is added to the stored number atomically, from 0 when the item or attribute does not exist yet
 * (UpdateExpression, https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html; "Use
 * atomic counter operations in DynamoDB",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/example_dynamodb_Scenario_AtomicCounterOperations_section.html),
 * so concurrent adds never lose one. {@link #read} is one Query of the days' key range.
 */
public final class DynamoStatistics implements Statistics {

    private static final String SK = "STATS#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoStatistics(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(AccountId accountId, LocalDate day, Map<Counter, Long> increments) {
        List<String> adds = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        increments.forEach((counter, increment) -> {
            if (increment != 0) {
                String name = attribute(counter);
                adds.add("#" + name + " :" + name);
                names.put("#" + name, name);
                values.put(":" + name, n(increment));
            }
        });
        if (adds.isEmpty()) {
            return;
        }
        dynamo.updateItem(b -> b.tableName(table).key(key(account(accountId), SK + day))
                .updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public List<Day> read(AccountId accountId, LocalDate from, LocalDate to) {
        Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
        dynamo.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", s(account(accountId)),
                                ":from", s(SK + from), ":to", s(SK + to))))
                .items().forEach(item -> stored.put(item.get("sk").s().substring(SK.length()), item));
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, AttributeValue> item = stored.getOrDefault(day.toString(), Map.of());
            days.add(new Day(day, count(item, Counter.REQUESTED), count(item, Counter.SENT), count(item, Counter.DELIVERED),
                    count(item, Counter.UNDELIVERED), count(item, Counter.FAILED), count(item, Counter.FEE),
                    count(item, Counter.OPTED_OUT)));
        }
        return days;
    }

    private static long count(Map<String, AttributeValue> item, Counter counter) {
        AttributeValue value = item.get(attribute(counter));
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static String attribute(Counter counter) {
        return counter.name().toLowerCase(Locale.ROOT);
    }
}
