package smsplatform.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import smsplatform.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK floor: the same SDK clients, built the same way (one URLConnection HTTP client, explicit
 * region and credentials), each making one call, and nothing else of the product.
 */
public final class SdkFloorHandler implements RequestHandler<Map<String, Object>, String> {

    private final DynamoDbClient dynamo = AwsClients.dynamoDb();
    private final SqsClient sqs = AwsClients.sqs();
    private final S3Client s3 = System.getenv("CERTIFICATES_BUCKET") == null ? null : AwsClients.s3();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        dynamo.getItem(b -> b.tableName(System.getenv("TABLE_NAME")).key(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#bench"), "sk", AttributeValue.fromS("SIGNATURE#none"))));
        String queue = System.getenv().getOrDefault("REVIEW_QUEUE_URL", System.getenv("OUTBOUND_QUEUE_URL"));
        sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings("ApproximateNumberOfMessages"));
        if (s3 != null) {
            s3.headBucket(b -> b.bucket(System.getenv("CERTIFICATES_BUCKET")));
        }
        return "ok";
    }
}
