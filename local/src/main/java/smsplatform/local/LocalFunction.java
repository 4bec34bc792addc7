package smsplatform.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One AWS::Serverless::Function of the template, resolved for the local stack. */
record LocalFunction(
        String logicalId,
        Path artifact,
        String handler,
        int timeoutSeconds,
        int memoryMb,
        Map<String, String> environment,
        List<HttpRoute> routes,
        List<S3Trigger> s3Triggers,
        List<SqsTrigger> sqsTriggers,
        List<ScheduleTrigger> schedules,
        int maximumRetryAttempts,
        String onFailureQueue) {

    /** An HttpApi event: "METHOD /path/{param}". */
    /** {@code scopes}: the event's Auth.AuthorizationScopes; the token must carry one of them (none: any token). */
    record HttpRoute(String method, String path, List<String> scopes) {
        HttpRoute {
            scopes = List.copyOf(scopes);
        }

        HttpRoute(String method, String path) {
            this(method, path, List.of());
        }

        String routeKey() {
            return method + " " + path;
        }
    }

    /** An S3 event: bucket name, event pattern ("s3:ObjectCreated:*") and key prefix/suffix filters. */
    record S3Trigger(String bucket, List<String> events, String prefix, String suffix) {
        boolean matches(String bucketName, String eventName, String key) {
            boolean eventMatches = events.stream().anyMatch(e -> {
                String pattern = e.startsWith("s3:") ? e.substring(3) : e;
                return pattern.endsWith("*") ? eventName.startsWith(pattern.substring(0, pattern.length() - 1))
                        : eventName.equals(pattern);
            });
            return bucket.equals(bucketName) && eventMatches && key.startsWith(prefix) && key.endsWith(suffix);
        }
    }

    /** An SQS event source mapping. */
    record SqsTrigger(String queueName, int batchSize, boolean reportBatchItemFailures) {}

    /**
     * A Schedule event, i.e. an EventBridge rule: its name, its rate, and its fixed {@code Input} (null: the
     * function receives a Scheduled Event).
     */
    record ScheduleTrigger(String rule, Duration rate, String input) {

        private static final Pattern RATE =
                Pattern.compile("rate\\(\\s*([1-9][0-9]*)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

        /** {@code rate(1 minute)}, {@code rate(5 minutes)}, {@code rate(2 hours)}, {@code rate(1 day)}. */
        static Duration rate(String expression) {
            Matcher m = RATE.matcher(expression.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("Schedule '" + expression + "': sms-local runs rate(N unit) schedules"
                        + " only (a cron expression is not supported)");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "minute", "minutes" -> Duration.ofMinutes(n);
                case "hour", "hours" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
    }
}
