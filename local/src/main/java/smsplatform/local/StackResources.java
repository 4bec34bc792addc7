package smsplatform.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Creates every table, bucket and queue template.yaml declares (idempotent across restarts). */
final class StackResources {

    private StackResources() {}

    static void create(StackPlan plan, DynamoDbClient dynamo, S3Client s3, SqsClient sqs) {
        for (String id : plan.tables) {
            createTable(plan, id, dynamo);
        }
        for (String bucket : plan.bucketNames.values()) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException e) {
                // kept from an earlier run
            } catch (S3Exception e) {
                if (e.statusCode() != 409) {
                    throw e;
                }
            }
        }
        // Queues first without redrive (their DLQs may not exist yet), then the redrive policies.
        Map<String, String> urls = new LinkedHashMap<>();
        plan.queueNames.forEach((id, name) -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, Object> props = plan.template.properties(id);
            for (String attribute : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                    "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "FifoQueue", "ContentBasedDeduplication")) {
                if (props.containsKey(attribute)) {
                    attributes.put(attribute, plan.resolve(props.get(attribute)));
                }
            }
            urls.put(id, sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes)).queueUrl());
        });
        plan.queueNames.forEach((id, name) -> {
            Map<String, Object> redrive = Template.map(plan.template.properties(id).get("RedrivePolicy"));
            if (!redrive.isEmpty()) {
                String policy = Json.write(Map.of(
                        "deadLetterTargetArn", plan.resolve(redrive.get("deadLetterTargetArn")),
                        "maxReceiveCount", Integer.parseInt(plan.resolve(redrive.get("maxReceiveCount")))));
                sqs.setQueueAttributes(b -> b.queueUrl(urls.get(id)).attributesWithStrings(Map.of("RedrivePolicy", policy)));
            }
        });
    }

    private static void createTable(StackPlan plan, String id, DynamoDbClient dynamo) {
        Map<String, Object> props = plan.template.properties(id);
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : Template.list(props.get("AttributeDefinitions"))) {
            Map<String, Object> m = Template.map(a);
            attributes.add(AttributeDefinition.builder().attributeName(String.valueOf(m.get("AttributeName")))
                    .attributeType(String.valueOf(m.get("AttributeType"))).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object g : Template.list(props.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> m = Template.map(g);
            Map<String, Object> projection = Template.map(m.get("Projection"));
            Projection.Builder p = Projection.builder().projectionType(String.valueOf(projection.get("ProjectionType")));
            List<String> nonKey = Template.list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList();
            if (!nonKey.isEmpty()) {
                p.nonKeyAttributes(nonKey);
            }
            indexes.add(GlobalSecondaryIndex.builder().indexName(String.valueOf(m.get("IndexName")))
                    .keySchema(keySchema(m.get("KeySchema"))).projection(p.build()).build());
        }
        try {
            dynamo.createTable(b -> {
                b.tableName(plan.tableName(id)).attributeDefinitions(attributes).keySchema(keySchema(props.get("KeySchema")))
                        .billingMode(BillingMode.PAY_PER_REQUEST);
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
            });
        } catch (ResourceInUseException exists) {
            // Kept from an earlier run. dynalite cannot add an index to an existing table: say so, once.
            List<String> present = dynamo.describeTable(b -> b.tableName(plan.tableName(id))).table()
                    .globalSecondaryIndexes().stream().map(i -> i.indexName()).toList();
            List<String> missing = indexes.stream().map(GlobalSecondaryIndex::indexName)
                    .filter(name -> !present.contains(name)).toList();
            if (!missing.isEmpty()) {
                System.err.println("sms-local: table " + plan.tableName(id) + " in this data dir predates its index(es) "
                        + missing + " in template.yaml, which the local DynamoDB cannot add to an existing table:"
                        + " what uses them fails until you delete the data dir and start afresh");
            }
        }
    }

    private static List<KeySchemaElement> keySchema(Object schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : Template.list(schema)) {
            Map<String, Object> m = Template.map(k);
            keys.add(KeySchemaElement.builder().attributeName(String.valueOf(m.get("AttributeName")))
                    .keyType(String.valueOf(m.get("KeyType"))).build());
        }
        return keys;
    }
}
