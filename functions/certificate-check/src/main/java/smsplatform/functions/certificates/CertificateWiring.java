package smsplatform.functions.certificates;

import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.service.CertificateCheckService;
import smsplatform.support.Lazy;

/**
 * The certificate check's composition root. The check reads, keeps and deletes objects but never
 * presigns: the presigner and the upload forms stay lazy and are never built; SQS is built on the first
 * complete set of documents.
 */
final class CertificateWiring {

    private CertificateWiring() {}

    static CertificateCheckService check(FunctionEnvironment env) {
        return new CertificateCheckService(
                new DynamoSignatureStore(AwsClients.dynamoDb(), env.tableName()),
                new S3CertificateStore(Lazy.of(AwsClients::s3), Lazy.of(AwsClients::s3Presigner),
                        Lazy.of(() -> AwsClients.s3UploadForms(env.certificatesBucket())), env.certificatesBucket()),
                new SqsReviewQueue(Lazy.of(AwsClients::sqs), env.reviewQueueUrl()),
                Clock.systemUTC());
    }
}
