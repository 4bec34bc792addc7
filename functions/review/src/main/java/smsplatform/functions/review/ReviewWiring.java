package smsplatform.functions.review;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.aws.SqsReviewResults;
import smsplatform.ports.CertificateStore;
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
     * The review consumer publishes review results; the reviewer API only enqueues decisions. The S3
     * clients are built on first use: only the reviewer list presigns document URLs, and the consumer's
     * cold start should not pay for clients it never calls.
     */
    static ReviewService fromEnvironment(FunctionEnvironment env, DynamoDbClient dynamo) {
        SqsClient sqs = AwsClients.sqs();
        String resultsQueue = env.optional("REVIEW_RESULTS_QUEUE_URL", null);
        ReviewResults results = resultsQueue == null
                ? result -> {
                    throw new IllegalStateException("REVIEW_RESULTS_QUEUE_URL is not set: this function publishes no results");
                }
                : new SqsReviewResults(sqs, resultsQueue);
        return new ReviewService(
                new DynamoSignatureStore(dynamo, env.tableName()),
                new LazyCertificateStore(() -> new S3CertificateStore(AwsClients.s3(), AwsClients.s3Presigner(),
                        env.certificatesBucket())),
                new SqsReviewQueue(sqs, env.reviewQueueUrl()),
                results,
                Clock.systemUTC());
    }

    private static final class LazyCertificateStore implements CertificateStore {
        private final Supplier<CertificateStore> factory;
        private CertificateStore store;

        LazyCertificateStore(Supplier<CertificateStore> factory) {
            this.factory = factory;
        }

        private synchronized CertificateStore store() {
            if (store == null) {
                store = factory.get();
            }
            return store;
        }

        @Override
        public PresignedRequest presignUpload(String key, String contentType, Duration validFor) {
            return store().presignUpload(key, contentType, validFor);
        }

        @Override
        public PresignedRequest presignDownload(String key, Duration validFor) {
            return store().presignDownload(key, validFor);
        }

        @Override
        public Optional<StoredObject> head(String key) {
            return store().head(key);
        }

        @Override
        public InputStream open(String key) {
            return store().open(key);
        }

        @Override
        public void deletePrefix(String prefix) {
            store().deletePrefix(prefix);
        }
    }
}
