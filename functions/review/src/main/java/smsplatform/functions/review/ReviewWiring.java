package smsplatform.functions.review;

import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.aws.SqsReviewResults;
import smsplatform.ports.ReviewResults;
import smsplatform.service.ReviewService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

final class ReviewWiring {

    private ReviewWiring() {}

    static ReviewService fromEnvironment() {
        return fromEnvironment(FunctionEnvironment.fromSystem(), AwsClients.dynamoDb());
    }

    /** The review consumer publishes review results; the reviewer API only enqueues decisions. */
    static ReviewService fromEnvironment(FunctionEnvironment env, DynamoDbClient dynamo) {
        String resultsQueue = env.optional("REVIEW_RESULTS_QUEUE_URL", null);
        ReviewResults results = resultsQueue == null
                ? result -> {
                    throw new IllegalStateException("REVIEW_RESULTS_QUEUE_URL is not set: this function publishes no results");
                }
                : new SqsReviewResults(AwsClients.sqs(), resultsQueue);
        return new ReviewService(
                new DynamoSignatureStore(dynamo, env.tableName()),
                new S3CertificateStore(AwsClients.s3(), AwsClients.s3Presigner(), env.certificatesBucket()),
                new SqsReviewQueue(AwsClients.sqs(), env.reviewQueueUrl()),
                results,
                Clock.systemUTC());
    }
}
