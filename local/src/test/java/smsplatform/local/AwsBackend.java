package smsplatform.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Assumptions;
import smsplatform.aws.DynamoAwaitingReview;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoTemplateStore;
import smsplatform.aws.S3CertificateStore;
import smsplatform.aws.S3PostPolicy;
import smsplatform.aws.SqsReviewQueue;
import smsplatform.ports.ReviewResults;
import smsplatform.service.ReviewProcessor;
import smsplatform.service.ReviewerService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB, S3 and SQS for the adapter integration tests, with the resources of template.yaml.
 * Default: the embedded emulators (what CI runs). {@code -Dsms.backend=localstack}: LocalStack in
 * Docker through Testcontainers, skipped with a notice where no Docker engine answers.
 */
abstract class AwsBackend implements AutoCloseable {

    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";

    final DynamoDbClient dynamo;
    final S3Client s3;
    final SqsClient sqs;
    final S3Presigner presigner;
    final StackPlan plan;
    private final String sqsEndpoint;
    private final String s3Endpoint;
    /** Where the backend listens, as a function of the local stack is told. */
    final FunctionPool.Endpoints endpoints;

    AwsBackend(String dynamoEndpoint, String s3Endpoint, String sqsEndpoint) throws Exception {
        this.sqsEndpoint = sqsEndpoint;
        this.s3Endpoint = s3Endpoint;
        this.endpoints = new FunctionPool.Endpoints(dynamoEndpoint, s3Endpoint, sqsEndpoint, "", false);
        dynamo = LocalStack.client(DynamoDbClient.builder(), dynamoEndpoint).build();
        s3 = LocalStack.client(S3Client.builder(), s3Endpoint).forcePathStyle(true).build();
        sqs = LocalStack.client(SqsClient.builder(), sqsEndpoint).build();
        presigner = S3Presigner.builder().region(Region.of(StackPlan.REGION)).endpointOverride(URI.create(s3Endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        plan = new StackPlan(Template.read(RunningStack.PROJECT.resolve("template.yaml")), RunningStack.PROJECT,
                Map.of(), this::queueUrl);
        StackResources.create(plan, dynamo, s3, sqs);
    }

    /** The certificates bucket as the functions see it, forms signed with the emulator's key. */
    S3CertificateStore certificates() {
        S3PostPolicy forms = new S3PostPolicy(() -> AwsBasicCredentials.create(S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY),
                StackPlan.REGION, bucket(), s3Endpoint + "/" + bucket());
        return new S3CertificateStore(() -> s3, () -> presigner, () -> forms, bucket());
    }

    /** The reviewer's side of the review pipeline on this backend's table and review queue. */
    ReviewerService reviewer(String table) {
        DynamoSignatureStore signatures = new DynamoSignatureStore(dynamo, table);
        DynamoTemplateStore templates = new DynamoTemplateStore(dynamo, table);
        return new ReviewerService(signatures, templates, new DynamoAwaitingReview(dynamo, table, signatures, templates),
                certificates(), new SqsReviewQueue(sqs, queueUrl("ReviewQueue")));
    }

    /** The review-queue consumer on this backend's table, publishing results with {@code results}. */
    ReviewProcessor processor(String table, ReviewResults results) {
        return new ReviewProcessor(new DynamoSignatureStore(dynamo, table), new DynamoTemplateStore(dynamo, table),
                results, Clock.systemUTC());
    }

    String queueUrl(String name) {
        return sqsEndpoint + "/" + SqsEmulator.ACCOUNT + "/" + name;
    }

    String table() {
        return plan.tableName(plan.tables.get(0));
    }

    /** A new, empty table shaped like the template's (keys and indexes), for a test that needs it to itself. */
    String freshTable(String name) {
        var shape = dynamo.describeTable(b -> b.tableName(table())).table();
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(shape.attributeDefinitions()).keySchema(shape.keySchema())
                .globalSecondaryIndexes(shape.globalSecondaryIndexes().stream().map(i -> GlobalSecondaryIndex.builder()
                        .indexName(i.indexName()).keySchema(i.keySchema()).projection(i.projection()).build()).toList()));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }

    String bucket() {
        return plan.bucketNames.values().iterator().next();
    }

    /** The test classes on the JVM's one backend run one after another (@ResourceLock): they share its queues. */
    static final String LOCK = "the test JVM's AwsBackend";

    private static AwsBackend shared;
    private static boolean noticed;

    /**
     * The backend of this test JVM, started once and shared by the test classes (one ElasticMQ per JVM:
     * its SQL persistence keeps JVM-wide state, so a second instance in one JVM cannot start cleanly).
     */
    static synchronized AwsBackend selected() throws Exception {
        String backend = System.getProperty("sms.backend", "embedded");
        if (backend.equals("localstack") && !org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
            if (!noticed) { // once per test JVM, not once per test class
                noticed = true;
                System.out.println("NOTICE: -Dsms.backend=localstack but no Docker engine answers: LocalStack tests skipped");
            }
            Assumptions.abort("no Docker engine for LocalStack");
        }
        if (shared == null) {
            AwsBackend started = backend.equals("localstack") ? new OnLocalStack() : new Embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.shutdown();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            shared = started;
        }
        return shared;
    }

    /** Test classes "close" the shared backend; it really stops with the JVM. */
    @Override
    public void close() {
    }

    void shutdown() throws Exception {
        presigner.close();
        dynamo.close();
        s3.close();
        sqs.close();
    }

    /** Object creations S3 would notify, in order (the embedded S3 reports them; LocalStack's are not wired). */
    BlockingQueue<S3Emulator.ObjectCreated> created = new LinkedBlockingQueue<>();

    /** dynalite + S3Proxy + ElasticMQ, as the local stack runs them. */
    static final class Embedded extends AwsBackend {
        private final AutoCloseable[] emulators;
        private Path dir;

        private Embedded(BlockingQueue<S3Emulator.ObjectCreated> notified, Dynalite dynalite, S3Emulator s3,
                         SqsEmulator sqs) throws Exception {
            super(dynalite.endpoint().toString(), s3.endpoint().toString(), sqs.endpoint().toString());
            emulators = new AutoCloseable[] {sqs, s3, dynalite};
            created = notified;
        }

        Embedded() throws Exception {
            this(Files.createTempDirectory("sms-backend"), new LinkedBlockingQueue<>());
        }

        private Embedded(Path dir, BlockingQueue<S3Emulator.ObjectCreated> notified) throws Exception {
            this(notified, Dynalite.start(RunningStack.PROJECT, dir.resolve("dynamodb"), dir.resolve("dynalite.log")),
                    S3Emulator.start(dir.resolve("s3"), notified::add), SqsEmulator.start(dir.resolve("sqs")));
            this.dir = dir;
        }

        @Override
        void shutdown() throws Exception {
            super.shutdown();
            for (AutoCloseable emulator : emulators) {
                emulator.close();
            }
            ScratchDir.removeUnlessATestFailed(dir);
        }
    }

    /** LocalStack through Testcontainers (pinned image; later tags need a paid token). */
    static final class OnLocalStack extends AwsBackend {
        private final org.testcontainers.localstack.LocalStackContainer container;

        private OnLocalStack(org.testcontainers.localstack.LocalStackContainer container) throws Exception {
            super(container.getEndpoint().toString(), container.getEndpoint().toString(), container.getEndpoint().toString());
            this.container = container;
        }

        OnLocalStack() throws Exception {
            this(started());
        }

        private static org.testcontainers.localstack.LocalStackContainer started() {
            var container = new org.testcontainers.localstack.LocalStackContainer(LOCALSTACK_IMAGE)
                    .withServices("dynamodb", "s3", "sqs");
            container.start();
            return container;
        }

        @Override
        void shutdown() throws Exception {
            super.shutdown();
            container.stop();
        }
    }
}
