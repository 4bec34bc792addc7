package smsplatform.functions.review;

import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.service.ReviewService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

final class ReviewWiring {

    private ReviewWiring() {}

    static ReviewService fromEnvironment() {
        return fromEnvironment(FunctionEnvironment.fromSystem(), AwsClients.dynamoDb());
    }

    static ReviewService fromEnvironment(FunctionEnvironment env, DynamoDbClient dynamo) {
        return new ReviewService(
                new DynamoSignatureStore(dynamo, env.tableName()),
                new S3CertificateStore(AwsClients.s3(), AwsClients.s3Presigner(), env.certificatesBucket()),
                new SqsReviewQueue(AwsClients.sqs(), env.reviewQueueUrl()),
                Clock.systemUTC());
    }
}
