package smsplatform.log;

/**
 * Business metrics in CloudWatch embedded metric format (EMF): each value is one JSON log line with an
 * {@code _aws} block that CloudWatch Logs turns into a metric in namespace {@value #NAMESPACE}, dimension
 * {@code service}. Written through {@link Log} rather than the aws-embedded-metrics library: a line is one
 * map written by the JSON writer every function already loads, while the library brings Jackson databind,
 * its own environment detection and serializer into each cold start (bench/README.md, "Cost of metrics
 * and tracing", measures both).
 *
 * <p>{@code -Dsmsplatform.metrics=false} (e.g. in {@code JAVA_TOOL_OPTIONS}) writes no metric lines; the
 * bench uses it to measure what metrics cost. On by default.
 */
public final class Metrics {

    public static final String NAMESPACE = "SmsPlatform";
    public static final String SERVICE = "sms-platform";

    public static final String SIGNATURES_SUBMITTED = "SignaturesSubmitted";
    public static final String SIGNATURES_APPROVED = "SignaturesApproved";
    public static final String SIGNATURES_REJECTED = "SignaturesRejected";
    public static final String TEMPLATES_SUBMITTED = "TemplatesSubmitted";
    public static final String TEMPLATES_APPROVED = "TemplatesApproved";
    public static final String TEMPLATES_REJECTED = "TemplatesRejected";
    /** From the application's last status change (submission or modification) to its outcome. */
    public static final String REVIEW_LATENCY = "ReviewLatency";
    /** Valid phone numbers of accepted send requests, whether or not a send limit refused them. */
    public static final String MESSAGES_REQUESTED = "MessagesRequested";
    /** Messages handed to the carrier for the first time (QUEUED → SENT). */
    public static final String MESSAGES_SENT = "MessagesSent";
    /** Messages whose receipt says the handset got them. */
    public static final String MESSAGES_DELIVERED = "MessagesDelivered";
    /** Messages whose receipt says the handset did not get them (or no receipt came within the bound). */
    public static final String MESSAGES_UNDELIVERED = "MessagesUndelivered";
    /** Messages that ended FAILED, wherever it was decided (delivery, sweeper, dead letters). */
    public static final String MESSAGES_FAILED = "MessagesFailed";
    /** Numbers a MARKETING send skipped because they opted out of the account's marketing. */
    public static final String MESSAGES_OPTED_OUT = "MessagesOptedOut";
    /** Replies attributed to an account (counted once per reply, whatever the redeliveries). */
    public static final String REPLIES_RECEIVED = "RepliesReceived";
    /** Replies from a number no account sent to within the attribution window: kept apart, never guessed. */
    public static final String REPLIES_UNATTRIBUTED = "RepliesUnattributed";
    /** Carrier refusals, for now or for good. */
    public static final String CARRIER_ERRORS = "CarrierErrors";

    /** Read once: whether metric lines are written ({@value #SWITCH}=false turns them off). */
    public static final String SWITCH = "smsplatform.metrics";
    private static final boolean ON = !"false".equalsIgnoreCase(System.getProperty(SWITCH));

    private Metrics() {}

    public static void count(String name, long value) {
        if (ON && value > 0) {
            Log.metric(NAMESPACE, SERVICE, name, value, "Count");
        }
    }

    public static void milliseconds(String name, long value) {
        if (ON) {
            Log.metric(NAMESPACE, SERVICE, name, Math.max(0, value), "Milliseconds");
        }
    }
}
