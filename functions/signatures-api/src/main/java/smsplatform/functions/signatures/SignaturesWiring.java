package smsplatform.functions.signatures;

import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoCallbackStore;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoTemplateStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.domain.callbacks.CallbackUrlPolicy;
import smsplatform.service.CallbackService;
import smsplatform.service.SignatureService;
import smsplatform.service.TemplateService;
import smsplatform.support.Lazy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Application API's composition root: one DynamoDB client, built with the function; S3 and SQS on
 * first use (a list or a lookup calls neither).
 */
record SignaturesWiring(SignatureService signatures, TemplateService templates, CallbackService callbacks) {

    static SignaturesWiring from(FunctionEnvironment env, DynamoDbClient dynamo) {
        SqsReviewQueue reviewQueue = new SqsReviewQueue(Lazy.of(AwsClients::sqs), env.reviewQueueUrl());
        return new SignaturesWiring(
                new SignatureService(
                        new DynamoSignatureStore(dynamo, env.tableName()),
                        new S3CertificateStore(Lazy.of(AwsClients::s3), Lazy.of(AwsClients::s3Presigner),
                                Lazy.of(() -> AwsClients.s3UploadForms(env.certificatesBucket())),
                                env.certificatesBucket()),
                        reviewQueue,
                        Clock.systemUTC(),
                        env.signatureQuota()),
                new TemplateService(new DynamoTemplateStore(dynamo, env.tableName()), reviewQueue, Clock.systemUTC(),
                        env.templateQuota()),
                new CallbackService(new DynamoCallbackStore(dynamo, env.tableName()),
                        new CallbackUrlPolicy(env.callbackAllowLoopback()), Clock.systemUTC()));
    }
}
