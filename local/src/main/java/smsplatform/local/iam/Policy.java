package smsplatform.local.iam;

import java.util.List;

/**
 * A function's effective identity-based policy: every statement of every policy its role holds.
 * IAM's evaluation for one account and no other policy types: an explicit Deny wins, then any Allow,
 * else the request is implicitly denied.
 */
public record Policy(List<Statement> statements) {

    public enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    public Policy {
        statements = List.copyOf(statements);
    }

    public Decision decide(AwsCall call) {
        boolean allowed = false;
        for (Statement s : statements) {
            if (s.appliesTo(call)) {
                if (!s.allow()) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** AWS's wording of a refusal, e.g. for the role {@code SendSmsFunctionRole} of {@code SendSmsFunction}. */
    public static String refusal(String principalArn, AwsCall call, Decision decision) {
        return refusal(principalArn, call, decision, false);
    }

    /** {@code quotedResource}: S3 writes the resource ARN in double quotes ("Troubleshoot access denied… in Amazon S3"). */
    public static String refusal(String principalArn, AwsCall call, Decision decision, boolean quotedResource) {
        String why = decision == Decision.EXPLICIT_DENY ? "with an explicit deny in an identity-based policy"
                : "because no identity-based policy allows the " + call.action() + " action";
        String resource = quotedResource ? "\"" + call.resource() + "\"" : call.resource();
        return "User: " + principalArn + " is not authorized to perform: " + call.action() + " on resource: "
                + resource + " " + why;
    }
}
