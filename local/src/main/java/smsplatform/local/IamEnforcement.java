package smsplatform.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.json.Json;
import smsplatform.local.iam.AwsCall;
import smsplatform.local.iam.Policy;

/**
 * Decides every AWS call a function makes with its own role's policy, as IAM would. Each function
 * signs with its own access key id ({@link #accessKeyId}); the runtime's own key (pollers, event
 * sources, tests) is not a function's and is not enforced. Every decision goes to
 * {@code logs/iam.log}; a refusal also goes to the function's own log.
 */
final class IamEnforcement {

    static final String KEY_PREFIX = "LOCAL-";

    private final Map<String, Policy> policies;
    private final Path logs;

    /** A refused call: the wire answer carries {@code message}, AWS's own wording. */
    record Refusal(AwsCall call, String message) {}

    IamEnforcement(Map<String, Policy> policies, Path logs) {
        this.policies = Map.copyOf(policies);
        this.logs = logs;
    }

    static String accessKeyId(String logicalId) {
        return KEY_PREFIX + logicalId;
    }

    /** The function signing with {@code accessKeyId}, or null for the runtime's own key. */
    String function(String accessKeyId) {
        if (accessKeyId == null || !accessKeyId.startsWith(KEY_PREFIX)) {
            return null;
        }
        String id = accessKeyId.substring(KEY_PREFIX.length());
        return policies.containsKey(id) ? id : null;
    }

    boolean isRuntimeKey(String accessKeyId) {
        return S3Emulator.ACCESS_KEY.equals(accessKeyId);
    }

    static String principalArn(String logicalId) {
        return "arn:aws:sts::" + SqsEmulator.ACCOUNT + ":assumed-role/" + logicalId + "Role/" + logicalId;
    }

    /** The first of {@code calls} the function's policy refuses, or null when it allows them all. */
    Refusal check(String logicalId, List<AwsCall> calls) {
        return check(logicalId, calls, false);
    }

    /** {@code quotedResource}: the refusal names the resource as S3 does, in double quotes. */
    Refusal check(String logicalId, List<AwsCall> calls, boolean quotedResource) {
        Policy policy = policies.get(logicalId);
        for (AwsCall asked : calls) {
            AwsCall call = withGlobalKeys(asked);
            Policy.Decision decision = policy.decide(call);
            record(decision + " " + logicalId + " " + call.action() + " " + call.resource());
            if (decision != Policy.Decision.ALLOW) {
                String message = Policy.refusal(principalArn(logicalId), call, decision, quotedResource);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("time", Instant.now().toString());
                line.put("level", "ERROR");
                line.put("event", "iam.accessDenied");
                line.put("source", "sms-local");
                line.put("message", "AccessDenied: " + message);
                LogLines.append(logs.resolve(logicalId + ".log"), Json.write(line));
                return new Refusal(call, message);
            }
        }
        return null;
    }

    /** The global condition keys every request carries on AWS (the SDK calls AWS over HTTPS). */
    private static AwsCall withGlobalKeys(AwsCall call) {
        Map<String, String> context = new LinkedHashMap<>(call.context());
        context.putIfAbsent("aws:SecureTransport", "true");
        context.putIfAbsent("aws:RequestedRegion", StackPlan.REGION);
        return new AwsCall(call.action(), call.resource(), context);
    }

    private void record(String line) {
        LogLines.append(logs.resolve("iam.log"), Instant.now() + " " + line);
    }
}
