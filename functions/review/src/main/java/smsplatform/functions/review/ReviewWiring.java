package smsplatform.functions.review;

import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoAwaitingReview;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoTemplateStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.Lazy;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.aws.SqsReviewResults;
import smsplatform.ports.ReviewResults;
import smsplatform.service.ReviewService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

final class ReviewWiring {

    private ReviewWiring() {}

    static ReviewService fromEnvironment() {
        return fromEnvironment(FunctionEnvironment.fromSystem(), AwsClients.dynamoDb());
    }

    /**
     * The review consumer publishes review results; the reviewer API only enqueues decisions. S3 and
     * SQS clients are built on first use: only the reviewer list presigns document URLs, and an
     * invocation should not pay for clients it never calls.
     */
    static ReviewService fromEnvironment(FunctionEnvironment env, DynamoDbClient dynamo) {
        Lazy<SqsClient> sqs = Lazy.of(AwsClients::sqs);
        String resultsQueue = env.optional("REVIEW_RESULTS_QUEUE_URL", null);
        ReviewResults results = resultsQueue == null
                ? result -> {
                    throw new IllegalStateException("REVIEW_RESULTS_QUEUE_URL is not set: this function publishes no results");
                }
                : new SqsReviewResults(sqs, resultsQueue);
        DynamoSignatureStore signatures = new DynamoSignatureStore(dynamo, env.tableName());
        DynamoTemplateStore templates = new DynamoTemplateStore(dynamo, env.tableName());
        return new ReviewService(signatures, templates,
                new DynamoAwaitingReview(dynamo, env.tableName(), signatures, templates),
                new S3CertificateStore(Lazy.of(AwsClients::s3), Lazy.of(AwsClients::s3Presigner),
                        Lazy.of(() -> AwsClients.s3UploadForms(env.certificatesBucket())), env.certificatesBucket()),
                new SqsReviewQueue(sqs, env.reviewQueueUrl()),
                results,
                Clock.systemUTC());
    }
}
