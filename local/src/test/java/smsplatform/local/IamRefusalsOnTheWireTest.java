package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.local.iam.Policy;
import smsplatform.local.iam.Statement;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * A function's calls through the real SDK, over the real emulators and the enforcing endpoints: what
 * its policy allows reaches the emulator unchanged, what it refuses fails with AWS's own error shape
 * (the SDK raises the service's AccessDenied), and the refusal is written to the function's log.
 */
class IamRefusalsOnTheWireTest {

    static final String FUNCTION = "ProbeFunction";
    static final String LISTER = "ListerFunction";
    static final String BUCKET = "probe-bucket";
    @TempDir
    static Path dir;
    static final List<AutoCloseable> parts = new ArrayList<>();
    static DynamoDbClient adminDynamo;
    static DynamoDbClient dynamo;
    static SqsClient adminSqs;
    static SqsClient sqs;
    static S3Client adminS3;
    static S3Client s3;
    static S3Client listerS3;
    static S3Presigner presigner;
    static String allowedQueue;
    static String otherQueue;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Policy policy = new Policy(List.of(
                Statement.allow(List.of("dynamodb:GetItem"), List.of("arn:aws:dynamodb:us-east-1:000000000000:table/Probe")),
                Statement.allow(List.of("sqs:SendMessage"), List.of("arn:aws:sqs:us-east-1:000000000000:allowed")),
                Statement.allow(List.of("s3:PutObject"), List.of("arn:aws:s3:::" + BUCKET + "/allowed/*")),
                Statement.allow(List.of("s3:GetObject"), List.of("arn:aws:s3:::" + BUCKET + "/readable/*"))));
        Policy lister = new Policy(List.of(
                Statement.allow(List.of("s3:GetObject"), List.of("arn:aws:s3:::" + BUCKET + "/readable/*")),
                Statement.allow(List.of("s3:ListBucket"), List.of("arn:aws:s3:::" + BUCKET))));
        IamEnforcement iam = new IamEnforcement(Map.of(FUNCTION, policy, LISTER, lister), dir.resolve("logs"));
        Dynalite dynalite = Dynalite.start(RunningStack.PROJECT, dir.resolve("dynamodb"), dir.resolve("logs/dynalite.log"));
        parts.add(dynalite);
        SqsEmulator sqsEmulator = SqsEmulator.start(dir.resolve("sqs"));
        parts.add(sqsEmulator);
        S3Emulator s3Emulator = S3Emulator.start(dir.resolve("s3"), created -> { }, iam);
        parts.add(s3Emulator);
        AwsJsonGate dynamoGate = new AwsJsonGate(AwsJsonGate.DYNAMODB, dynalite.endpoint(), iam, null);
        parts.add(dynamoGate);
        AwsJsonGate sqsGate = new AwsJsonGate(AwsJsonGate.SQS, sqsEmulator.endpoint(), iam, null);
        parts.add(sqsGate);

        adminDynamo = LocalStack.client(DynamoDbClient.builder(), dynalite.endpoint().toString()).build();
        adminSqs = LocalStack.client(SqsClient.builder(), sqsEmulator.endpoint().toString()).build();
        adminS3 = LocalStack.client(S3Client.builder(), s3Emulator.endpoint().toString()).forcePathStyle(true).build();
        adminDynamo.createTable(b -> b.tableName("Probe").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        allowedQueue = adminSqs.createQueue(b -> b.queueName("allowed")).queueUrl();
        otherQueue = adminSqs.createQueue(b -> b.queueName("other")).queueUrl();
        adminS3.createBucket(b -> b.bucket(BUCKET));

        StaticCredentialsProvider function = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                IamEnforcement.accessKeyId(FUNCTION), S3Emulator.SECRET_KEY));
        dynamo = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(function)
                .endpointOverride(dynamoGate.endpoint()).build();
        sqs = SqsClient.builder().region(Region.US_EAST_1).credentialsProvider(function)
                .endpointOverride(sqsGate.endpoint()).build();
        s3 = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(function).forcePathStyle(true)
                .endpointOverride(s3Emulator.endpoint()).build();
        listerS3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true).endpointOverride(s3Emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        IamEnforcement.accessKeyId(LISTER), S3Emulator.SECRET_KEY))).build();
        presigner = S3Presigner.builder().region(Region.US_EAST_1).credentialsProvider(function)
                .endpointOverride(s3Emulator.endpoint())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        parts.addAll(List.of(adminDynamo, adminSqs, adminS3, dynamo, sqs, s3, listerS3, presigner));
    }

    @AfterAll
    static void stop() throws Exception {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).close();
        }
    }

    static String functionLog() throws Exception {
        return Files.readString(dir.resolve("logs").resolve(FUNCTION + ".log"));
    }

    @Test
    void aDynamoDbCallThePolicyRefusesRaisesAccessDeniedExceptionAndOneItAllowsReachesTheTable() throws Exception {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("a"));
        assertThat(dynamo.getItem(b -> b.tableName("Probe").key(key)).hasItem()).isFalse();
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("Probe").item(key)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/"
                            + "ProbeFunctionRole/ProbeFunction is not authorized to perform: dynamodb:PutItem on resource: "
                            + "arn:aws:dynamodb:us-east-1:000000000000:table/Probe because no identity-based policy allows"
                            + " the dynamodb:PutItem action");
                });
        assertThat(adminDynamo.getItem(b -> b.tableName("Probe").key(key)).hasItem()).as("nothing written").isFalse();
        assertThat(functionLog()).contains("AccessDenied").contains("dynamodb:PutItem");
    }

    @Test
    void anSqsSendToAQueueThePolicyDoesNotNameRaisesAccessDeniedAndABatchCountsAsSendMessage() {
        sqs.sendMessage(b -> b.queueUrl(allowedQueue).messageBody("one"));
        sqs.sendMessageBatch(b -> b.queueUrl(allowedQueue).entries(e -> e.id("1").messageBody("two")));
        assertThat(adminSqs.getQueueAttributes(b -> b.queueUrl(allowedQueue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages")).attributesAsStrings().get("ApproximateNumberOfMessages")).isEqualTo("2");
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(otherQueue).messageBody("three")))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .contains("sqs:SendMessage on resource: arn:aws:sqs:us-east-1:000000000000:other");
                });
        assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(allowedQueue)))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void anS3ReadThePolicyDoesNotGrantIsAccessDeniedWhetherCalledOrPresignedWhileTheRuntimeKeyStillReads() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("allowed/doc.pdf"), RequestBody.fromString("%PDF-1.4"));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("allowed/doc.pdf")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/"
                            + "ProbeFunctionRole/ProbeFunction is not authorized to perform: s3:GetObject on resource: "
                            + "\"arn:aws:s3:::probe-bucket/allowed/doc.pdf\" because no identity-based policy allows the"
                            + " s3:GetObject action");
                });
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("evidence/doc.pdf"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        URI presigned = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(o -> o.bucket(BUCKET).key("allowed/doc.pdf"))).url().toURI();
        HttpResponse<String> viaUrl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(presigned).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaUrl.statusCode()).isEqualTo(403);
        assertThat(viaUrl.body()).contains("<Code>AccessDenied</Code>");
        assertThat(adminS3.getObjectAsBytes(b -> b.bucket(BUCKET).key("allowed/doc.pdf")).asUtf8String()).isEqualTo("%PDF-1.4");
        assertThat(functionLog()).contains("s3:GetObject on resource: \\\"arn:aws:s3:::probe-bucket/allowed/doc.pdf\\\"");
    }

    @Test
    void aMultiObjectDeleteReportsAccessDeniedForEachKeyThePolicyRefusesAndKeepsThoseObjects() {
        adminS3.putObject(b -> b.bucket(BUCKET).key("allowed/kept.pdf"), RequestBody.fromString("%PDF-1.4"));
        var response = s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(o -> o.key("allowed/kept.pdf"))));
        assertThat(response.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("allowed/kept.pdf");
            assertThat(e.code()).isEqualTo("AccessDenied");
        });
        assertThat(adminS3.headObject(b -> b.bucket(BUCKET).key("allowed/kept.pdf")).contentLength()).isEqualTo(8);
    }

    @Test
    void readingAMissingKeyIsAccessDeniedWithoutListBucketAndNotFoundWithItAsOnS3() {
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("readable/never-written.pdf")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("readable/never-written.pdf")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> listerS3.getObjectAsBytes(b -> b.bucket(BUCKET).key("readable/never-written.pdf")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey"));
    }
}
