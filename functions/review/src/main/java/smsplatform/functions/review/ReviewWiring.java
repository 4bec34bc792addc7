package smsplatform.functions.review;

import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoAwaitingReview;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoTemplateStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.aws.SqsReviewResults;
import smsplatform.service.ReviewProcessor;
import smsplatform.service.ReviewerService;
import smsplatform.support.Lazy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root of the review module's two functions: the reviewer API only enqueues decisions;
 * the review-queue consumer applies them and publishes the results. S3 and SQS clients are built on
 * first use: only the reviewer list presigns document URLs, and an invocation should not pay for
 * clients it never calls.
 */
final class ReviewWiring {

    private ReviewWiring() {}

    static ReviewerService reviewer(FunctionEnvironment env, DynamoDbClient dynamo) {
        DynamoSignatureStore signatures = new DynamoSignatureStore(dynamo, env.tableName());
        DynamoTemplateStore templates = new DynamoTemplateStore(dynamo, env.tableName());
        return new ReviewerService(signatures, templates,
                new DynamoAwaitingReview(dynamo, env.tableName(), signatures, templates),
                new S3CertificateStore(Lazy.of(AwsClients::s3), Lazy.of(AwsClients::s3Presigner),
                        Lazy.of(() -> AwsClients.s3UploadForms(env.certificatesBucket())), env.certificatesBucket()),
                new SqsReviewQueue(Lazy.of(AwsClients::sqs), env.reviewQueueUrl()));
    }

    static ReviewProcessor processor() {
        return processor(FunctionEnvironment.fromSystem(), AwsClients.dynamoDb());
    }

    static ReviewProcessor processor(FunctionEnvironment env, DynamoDbClient dynamo) {
        return new ReviewProcessor(new DynamoSignatureStore(dynamo, env.tableName()),
                new DynamoTemplateStore(dynamo, env.tableName()),
                new SqsReviewResults(Lazy.of(AwsClients::sqs), env.reviewResultsQueueUrl()), Clock.systemUTC());
    }
}
