package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import smsplatform.domain.SendLimits;
import smsplatform.ports.SendCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@code ACCOUNT#<id> / RATE#<number>}: the number's sends of the last 24 hours and a version. A send
 * is admitted by one conditional write on that version, so concurrent requests for one number are
 * serialised by DynamoDB and no limit is ever exceeded.
 */
public final class DynamoSendCounters implements SendCounters {

    private static final int ATTEMPTS = 50;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSendCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public String admit(String accountId, String phoneNumber, String contentDigest, String serialNo, Instant now) {
        Map<String, AttributeValue> key = key(account(accountId), "RATE#" + phoneNumber);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            boolean exists = item != null && !item.isEmpty();
            long version = exists ? Long.parseLong(item.get("version").n()) : 0;
            List<SendLimits.Sent> history = new ArrayList<>();
            if (exists) {
                for (AttributeValue v : item.get("sends").l()) {
                    String[] parts = v.s().split("\\|", 3);
                    SendLimits.Sent sent = new SendLimits.Sent(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1], parts[2]);
                    if (sent.serialNo().equals(serialNo)) {
                        return SendLimits.OK;
                    }
                    if (sent.at().isAfter(now.minus(Duration.ofDays(1)))) {
                        history.add(sent);
                    }
                }
            }
            String verdict = SendLimits.check(history, contentDigest, now);
            if (!verdict.equals(SendLimits.OK)) {
                return verdict;
            }
            history.add(new SendLimits.Sent(now, contentDigest, serialNo));
            Map<String, AttributeValue> next = new HashMap<>(key);
            next.put("sends", AttributeValue.fromL(history.stream()
                    .map(h -> AttributeValue.fromS(h.at().toEpochMilli() + "|" + h.contentDigest() + "|" + h.serialNo()))
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
                return SendLimits.OK;
            } catch (ConditionalCheckFailedException raced) {
                pause(attempt);
            }
        }
        throw new IllegalStateException("sending to " + phoneNumber + " is too contended; retry");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 10) * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
