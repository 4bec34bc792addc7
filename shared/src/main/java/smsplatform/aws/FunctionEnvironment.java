package smsplatform.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import smsplatform.http.ApiHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The configuration a function reads from its environment (set by template.yaml, or by sms-local). */
public record FunctionEnvironment(Map<String, String> variables) {

    /**
     * The secret that admits the delivery function to sms-local's carrier simulator: a fresh one at each
     * start, given by the local runtime itself and never by template.yaml.
     */
    public static final String CARRIER_SIMULATOR_SECRET = "CARRIER_SIMULATOR_SECRET";
    public static final String CARRIER_SIMULATOR_URL = "CARRIER_SIMULATOR_URL";
    /**
     * Reserved: Lambda sets it (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html), and
     * sms-local does; read before any client exists.
     */
    public static final String AWS_REGION = "AWS_REGION";
    /**
     * Where Lambda's Java runtime hands out the role's credentials under SnapStart
     * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials).
     */
    public static final String AWS_CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    /** The SDK's own endpoint override for S3, which only sms-local sets (presigned URLs and forms name it). */
    public static final String AWS_ENDPOINT_URL_S3 = "AWS_ENDPOINT_URL_S3";
    /** sms-local's S3 emulator serves buckets by path, not by virtual host. */
    public static final String S3_FORCE_PATH_STYLE = "S3_FORCE_PATH_STYLE";

    public static FunctionEnvironment fromSystem() {
        return new FunctionEnvironment(System.getenv());
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String tableName() { return required("TABLE_NAME"); }
    public String certificatesBucket() { return required("CERTIFICATES_BUCKET"); }
    public String reviewQueueUrl() { return required("REVIEW_QUEUE_URL"); }
    public String reviewResultsQueueUrl() { return required("REVIEW_RESULTS_QUEUE_URL"); }
    public String outboundQueueUrl() { return required("OUTBOUND_QUEUE_URL"); }
    public int signatureQuota() { return Integer.parseInt(optional("SIGNATURE_QUOTA", "50")); }
    public int templateQuota() { return Integer.parseInt(optional("TEMPLATE_QUOTA", "100")); }
    public String callbackQueueUrl() { return required("CALLBACK_QUEUE_URL"); }
    /** The local stack's leave to POST callbacks to http://127.0.0.1 (never in production). */
    public boolean callbackAllowLoopback() { return Boolean.parseBoolean(optional("CALLBACK_ALLOW_LOOPBACK", "false")); }
    /** How long a callback is retried, from its first attempt, before it is kept as a failure. */
    public Duration callbackRetryWindow() { return seconds("CALLBACK_RETRY_WINDOW_SECONDS"); }
    public String carrierSimulatorSecret() { return required(CARRIER_SIMULATOR_SECRET); }
    /** {@code simulator} (the local default) or {@code sns} (production: SMS through SNS / End User Messaging). */
    public String carrier() { return optional("CARRIER", "simulator"); }
    public String carrierSimulatorUrl() { return required(CARRIER_SIMULATOR_URL); }
    /** How long a QUEUED message may go without a change before the sweeper queues it again. */
    public Duration sweepQueuedAfter() { return seconds("SWEEP_QUEUED_AFTER_SECONDS"); }
    /** How long a SENT message may go without an outcome before the sweeper settles it. */
    public Duration sweepSentAfter() { return seconds("SWEEP_SENT_AFTER_SECONDS"); }
    /** How long a message the carrier accepted may wait for its receipt before the sweeper settles it UNDELIVERED. */
    public Duration sweepReceiptAfter() { return seconds("SWEEP_RECEIPT_AFTER_SECONDS"); }

    private Duration seconds(String name) {
        return Duration.ofSeconds(Long.parseLong(required(name)));
    }

    /** The HTTP plumbing of an API function, with its Idempotency-Key records in the function's table. */
    public ApiHandler apiHandler(String function, DynamoDbClient dynamo) {
        return new ApiHandler(function, new DynamoIdempotencyStore(dynamo, tableName()), Clock.systemUTC());
    }
}
