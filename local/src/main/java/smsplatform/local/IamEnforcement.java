package smsplatform.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        Policy policy = policies.get(logicalId);
        for (AwsCall call : calls) {
            Policy.Decision decision = policy.decide(call);
            record(decision + " " + logicalId + " " + call.action() + " " + call.resource());
            if (decision != Policy.Decision.ALLOW) {
                String message = Policy.refusal(principalArn(logicalId), call, decision);
                append(logs.resolve(logicalId + ".log"), "sms-local IAM: AccessDenied: " + message);
                return new Refusal(call, message);
            }
        }
        return null;
    }

    private void record(String line) {
        append(logs.resolve("iam.log"), line);
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("sms-local: cannot write " + file + ": " + e.getMessage());
        }
    }
}
