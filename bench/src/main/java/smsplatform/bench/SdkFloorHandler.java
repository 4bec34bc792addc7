package smsplatform.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import smsplatform.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The SDK floor: the AWS calls the function's first invocation makes (traced by the bench, passed
 * in {@code BENCH_CALLS} as {@code Service:Operation,...}), made in the same order with the same SDK
 * clients built the same way (one URLConnection HTTP client, explicit region and credentials), and
 * nothing else of the product. Small payloads on bench-only keys (batches of two: the sample send's
 * two numbers).
 */
public final class SdkFloorHandler implements RequestHandler<Map<String, Object>, String> {

    private final List<String> calls = Arrays.asList(System.getenv().getOrDefault("BENCH_CALLS", "").split(","));
    private final DynamoDbClient dynamo = uses("DynamoDb") ? AwsClients.dynamoDb() : null;
    private final SqsClient sqs = uses("Sqs") ? AwsClients.sqs() : null;
    private final S3Floor s3 = uses("S3") ? new S3Floor() : null;
    private final String table = System.getenv("TABLE_NAME");

    private boolean uses(String service) {
        return calls.stream().anyMatch(c -> c.startsWith(service + ":"));
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        for (String call : calls) {
            if (!call.isBlank()) {
                make(call);
            }
        }
        return "ok";
    }

    private void make(String call) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("BENCH#floor"),
                "sk", AttributeValue.fromS("ITEM#" + UUID.randomUUID()));
        switch (call) {
            case "DynamoDb:GetItem" -> dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
            case "DynamoDb:PutItem" -> dynamo.putItem(b -> b.tableName(table).item(key).conditionExpression("attribute_not_exists(pk)"));
            case "DynamoDb:UpdateItem" -> dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            case "DynamoDb:BatchGetItem" -> dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder()
                    .consistentRead(true).keys(key, Map.of("pk", AttributeValue.fromS("BENCH#floor"),
                            "sk", AttributeValue.fromS("ITEM#" + UUID.randomUUID()))).build())));
            case "DynamoDb:BatchWriteItem" -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                    WriteRequest.builder().putRequest(p -> p.item(key)).build(),
                    WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS("BENCH#floor"),
                            "sk", AttributeValue.fromS("ITEM#" + UUID.randomUUID())))).build()))));
            case "DynamoDb:DeleteItem" -> dynamo.deleteItem(b -> b.tableName(table).key(key));
            case "DynamoDb:Query" -> dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("BENCH#floor"))).limit(20));
            case "DynamoDb:Query(BySignatureId)", "DynamoDb:Query(ReviewerQueue)", "DynamoDb:Query(PendingMessages)" -> {
                String index = call.substring(call.indexOf('(') + 1, call.length() - 1);
                String hash = Map.of("BySignatureId", "signatureId", "ReviewerQueue", "reviewQueue",
                        "PendingMessages", "pendingShard").get(index);
                dynamo.query(b -> b.tableName(table).indexName(index).keyConditionExpression(hash + " = :h")
                        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS("BENCH#floor"))).limit(20));
            }
            case "Sqs:SendMessage" -> sqs.sendMessage(b -> fifo(b.queueUrl(queue()).messageBody("{\"bench\":true}")));
            case "Sqs:SendMessageBatch" -> sqs.sendMessageBatch(b -> b.queueUrl(queue()).entries(e -> e.id("1")
                    .messageBody("{\"bench\":true}")));
            case "Sqs:GetQueueAttributes" -> sqs.getQueueAttributes(b -> b.queueUrl(queue())
                    .attributeNamesWithStrings("ApproximateNumberOfMessages"));
            case "S3:HeadObject", "S3:GetObject", "S3:DeleteObject", "S3:HeadBucket" -> s3.make(call);
            default -> throw new IllegalArgumentException("SdkFloorHandler cannot make " + call + " yet; add it");
        }
    }

    private static SendMessageRequest.Builder fifo(
            SendMessageRequest.Builder b) {
        return queue().endsWith(".fifo") ? b.messageGroupId("bench").messageDeduplicationId(UUID.randomUUID().toString()) : b;
    }

    /**
     * The queue the measured first invocations send to: outbound (a send), review results (a reviewer's
     * decision applied, whose function also has the review queue in its environment but no grant to send there).
     */
    private static String queue() {
        for (String name : List.of("OUTBOUND_QUEUE_URL", "REVIEW_RESULTS_QUEUE_URL", "REVIEW_QUEUE_URL")) {
            String url = System.getenv(name);
            if (url != null && !url.isBlank()) {
                return url;
            }
        }
        throw new IllegalStateException("no queue in the environment");
    }

    /** Apart, so that functions without the S3 module (SendSms, delivery) never load its classes. */
    private static final class S3Floor {
        /** A key that does not exist, under the prefix the functions that read uploads are granted (IAM enforcement). */
        private static final String NONE = "certificates/bench/none";
        private final S3Client s3 = AwsClients.s3();
        private final String bucket = System.getenv("CERTIFICATES_BUCKET");

        void make(String call) {
            try {
                switch (call) {
                    case "S3:HeadObject" -> s3.headObject(b -> b.bucket(bucket).key(NONE));
                    case "S3:GetObject" -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(NONE));
                    case "S3:DeleteObject" -> s3.deleteObject(b -> b.bucket(bucket).key(NONE));
                    default -> s3.headBucket(b -> b.bucket(bucket));
                }
            } catch (NoSuchKeyException expected) {
                // the function's path also reads keys that may not exist
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
            }
        }
    }
}
