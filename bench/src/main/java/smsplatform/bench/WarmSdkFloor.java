package smsplatform.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import smsplatform.aws.AwsClients;
import smsplatform.domain.SignatureNameRules;
import smsplatform.support.Parallel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SDK floor of a successful send: the AWS calls SendSms makes for it, with the same clients and
 * the same fan-out ({@link Parallel#WIDTH} threads), on items of the same shape, and nothing else: the name claim and the
 * signature (GetItem x2); the numbers' send histories (GetItem for one number, else one consistent
 * BatchGetItem per 100); one conditional PutItem per number; the messages (one BatchWriteItem per 25);
 * one SendMessageBatch per 10.
 */
final class WarmSdkFloor {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(Parallel.WIDTH, r -> {
        Thread t = new Thread(r, "floor-fanout");
        t.setDaemon(true);
        return t;
    });

    private final DynamoDbClient dynamo = AwsClients.dynamoDb();
    private final SqsClient sqs = AwsClients.sqs();
    private final String table = System.getenv("TABLE_NAME");
    private final String queue = System.getenv("OUTBOUND_QUEUE_URL");
    private final String pk;
    /** The seeded signature's name claim ({@code DynamoSignatureStore}'s key for "Acme Cloud"). */
    static final String NAME_KEY = "NAME#CN#" + SignatureNameRules.uniquenessKey("Acme Cloud");

    WarmSdkFloor(String account) {
        this.pk = "ACCOUNT#" + account;
    }

    void send(List<String> numbers) throws Exception {
        Map<String, AttributeValue> claim = get(NAME_KEY, true);
        get("SIGNATURE#" + claim.get("signatureId").s(), true);
        get("TEMPLATE#" + Seeds.TEMPLATE_ID, true);
        if (numbers.size() == 1) {
            get("RATE#" + numbers.get(0), true);
        } else {
            fanOut(chunks(numbers, 100), chunk -> dynamo.batchGetItem(b -> b.requestItems(Map.of(table,
                    KeysAndAttributes.builder().consistentRead(true)
                            .keys(chunk.stream().map(n -> item("RATE#" + n)).toList()).build()))));
        }
        fanOut(numbers, number -> {
            Map<String, AttributeValue> rate = item("RATE#" + number);
            rate.put("sends", AttributeValue.fromL(List.of(AttributeValue.fromS(System.currentTimeMillis()
                    + "|0123456789abcdef01234567|sms-" + UUID.randomUUID()))));
            rate.put("version", AttributeValue.fromN("1"));
            rate.put("expiresAt", AttributeValue.fromN("1900000000"));
            dynamo.putItem(b -> b.tableName(table).item(rate).conditionExpression("attribute_not_exists(pk)"));
        });
        fanOut(chunks(numbers, 25), chunk -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, chunk.stream()
                .map(number -> WriteRequest.builder().putRequest(p -> p.item(message(number))).build()).toList()))));
        fanOut(chunks(numbers, 10), batch -> sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(batch.stream()
                .map(n -> SendMessageBatchRequestEntry.builder().id("m" + Math.abs(n.hashCode()))
                        .messageBody("{\"accountId\":\"floor\",\"serialNo\":\"sms-" + n + "\"}").build())
                .toList())));
    }

    private Map<String, AttributeValue> message(String number) {
        Map<String, AttributeValue> sms = item("SMS#" + UUID.randomUUID());
        sms.put("phoneNumber", AttributeValue.fromS(number));
        sms.put("sign", AttributeValue.fromS("Acme Cloud"));
        sms.put("template", AttributeValue.fromS(Seeds.TEMPLATE_ID));
        sms.put("text", AttributeValue.fromS("【Acme Cloud】Your verification code is 424242, valid for 5 minutes."));
        sms.put("fee", AttributeValue.fromN("1"));
        sms.put("status", AttributeValue.fromS("QUEUED"));
        sms.put("statusHistory", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                "status", AttributeValue.fromS("QUEUED"), "at", AttributeValue.fromS("2026-11-27T20:00:00Z"))))));
        sms.put("createdAt", AttributeValue.fromS("2026-11-27T20:00:00Z"));
        return sms;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(from + size, items.size())));
        }
        return chunks;
    }

    private Map<String, AttributeValue> item(String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        return item;
    }

    private Map<String, AttributeValue> get(String sk, boolean consistent) {
        return dynamo.getItem(b -> b.tableName(table).key(item(sk)).consistentRead(consistent)).item();
    }

    interface Call<T> {
        void run(T item) throws Exception;
    }

    /** Like the product's fan-out: inline for one item, else all at once on the pool. */
    private static <T> void fanOut(List<T> items, Call<T> call) throws Exception {
        if (items.size() == 1) {
            call.run(items.get(0));
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(POOL.submit(() -> {
                call.run(item);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }
}
