package smsplatform.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        int maximumRetryAttempts,
        String onFailureQueue) {

    /** An HttpApi event: "METHOD /path/{param}". */
    record HttpRoute(String method, String path) {
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
}
