package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import smsplatform.ports.Statistics;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One item per account and day, {@code STATS#<yyyy-MM-dd>}; counting is one UpdateItem with ADD (atomic). */
public final class DynamoStatistics implements Statistics {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoStatistics(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(String accountId, LocalDate day, Map<Counter, Long> increments) {
        StringJoiner adds = new StringJoiner(", ", "ADD ", "");
        Map<String, AttributeValue> values = new HashMap<>();
        increments.forEach((counter, by) -> {
            String name = counter.name().toLowerCase();
            adds.add(name + " :" + name);
            values.put(":" + name, n(by));
        });
        dynamo.updateItem(b -> b.tableName(table).key(key(account(accountId), "STATS#" + day))
                .updateExpression(adds.toString()).expressionAttributeValues(values));
    }

    @Override
    public List<Day> read(String accountId, LocalDate from, LocalDate to) {
        Map<String, Map<String, AttributeValue>> byDay = new HashMap<>();
        dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", Items.s(account(accountId)),
                                ":from", Items.s("STATS#" + from), ":to", Items.s("STATS#" + to))))
                .items().forEach(item -> byDay.put(item.get("sk").s().substring("STATS#".length()), item));
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, AttributeValue> item = byDay.getOrDefault(day.toString(), Map.of());
            days.add(new Day(day, count(item, Counter.REQUESTED), count(item, Counter.SENT), count(item, Counter.DELIVERED),
                    count(item, Counter.UNDELIVERED), count(item, Counter.FAILED), count(item, Counter.FEE)));
        }
        return days;
    }

    private static long count(Map<String, AttributeValue> item, Counter counter) {
        AttributeValue v = item.get(counter.name().toLowerCase());
        return v == null ? 0 : Long.parseLong(v.n());
    }
}
