package smsplatform.functions.review;

import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.service.ReviewService;

final class ReviewWiring {

    private ReviewWiring() {}

    static ReviewService fromEnvironment() {
        FunctionEnvironment env = FunctionEnvironment.fromSystem();
        return new ReviewService(
                new DynamoSignatureStore(AwsClients.dynamoDb(), env.tableName()),
                new S3CertificateStore(AwsClients.s3(), AwsClients.s3Presigner(), env.certificatesBucket()),
                new SqsReviewQueue(AwsClients.sqs(), env.reviewQueueUrl()),
                Clock.systemUTC());
    }
}
