package smsplatform.aws;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients as AWS recommends for Lambda cold starts: explicit region and credentials provider,
 * one lightweight HTTP client (URLConnection), each built at most once per container. Endpoints
 * come from the SDK's own {@code AWS_ENDPOINT_URL_<SERVICE>} variables, which only sms-local sets.
 */
public final class AwsClients {

    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

    private AwsClients() {}

    private static Region region() {
        return Region.of(System.getenv().getOrDefault(FunctionEnvironment.AWS_REGION, "us-east-1"));
    }

    private static AwsCredentialsProvider credentials() {
        return credentialsFor(System.getenv());
    }

    /**
     * The execution role's credentials where Lambda puts them: under SnapStart the Java runtime hands
     * them out through the container credentials endpoint (the key variables are absent from a
     * restored snapshot); otherwise in the AWS_ACCESS_KEY_ID family of variables.
     */
    static AwsCredentialsProvider credentialsFor(Map<String, String> environment) {
        String endpoint = environment.get(FunctionEnvironment.AWS_CONTAINER_CREDENTIALS_FULL_URI);
        return endpoint != null && !endpoint.isBlank()
                ? ContainerCredentialsProvider.builder().build()
                : EnvironmentVariableCredentialsProvider.create();
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().region(region()).credentialsProvider(credentials()).httpClient(HTTP).build();
    }

    public static SnsClient sns() {
        return SnsClient.builder().region(region()).credentialsProvider(credentials()).httpClient(HTTP).build();
    }

    public static SqsClient sqs() {
        return SqsClient.builder().region(region()).credentialsProvider(credentials()).httpClient(HTTP).build();
    }

    public static S3Client s3() {
        return S3Client.builder().region(region()).credentialsProvider(credentials()).httpClient(HTTP)
                .forcePathStyle(pathStyle()).build();
    }

    public static S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder().region(region()).credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle()).build());
        String endpoint = System.getenv(FunctionEnvironment.AWS_ENDPOINT_URL_S3);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /**
     * Upload forms for {@code bucket}, signed with the function's own credentials. The form's URL is the
     * bucket's URL as the SDK resolves it (virtual-hosted on AWS, path-style on an emulator).
     */
    public static S3PostPolicy s3UploadForms(String bucket) {
        S3Utilities.Builder utilities = S3Utilities.builder().region(region())
                .s3Configuration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle()).build());
        String endpoint = System.getenv(FunctionEnvironment.AWS_ENDPOINT_URL_S3);
        if (endpoint != null && !endpoint.isBlank()) {
            utilities.endpoint(URI.create(endpoint));
        }
        String objectUrl = utilities.build().getUrl(b -> b.bucket(bucket).key("k")).toString();
        AwsCredentialsProvider provider = credentials();
        return new S3PostPolicy(provider::resolveCredentials, region().id(), bucket,
                objectUrl.substring(0, objectUrl.length() - "/k".length()));
    }

    /** Emulators serve buckets by path, not by virtual host. */
    private static boolean pathStyle() {
        return Boolean.parseBoolean(System.getenv().getOrDefault(FunctionEnvironment.S3_FORCE_PATH_STYLE, "false"));
    }
}
