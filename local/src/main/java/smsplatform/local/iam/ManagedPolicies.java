package smsplatform.local.iam;

import java.util.List;
import java.util.Map;

/**
 * The AWS managed policies SAM attaches to a function's role by itself: AWSLambdaBasicExecutionRole
 * to every function, AWSLambdaSQSQueueExecutionRole to a function with an SQS event (both on "*",
 * as AWS publishes them). The Lambda service's poller uses the SQS actions, but the function's own
 * code holds them too, so sms-local grants them to it as AWS does.
 */
public final class ManagedPolicies {

    private static final List<String> LOGS = List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");

    public static final Map<String, List<Statement>> POLICIES = Map.of(
            "AWSLambdaBasicExecutionRole", List.of(Statement.allow(LOGS, List.of("*"))),
            "AWSLambdaSQSQueueExecutionRole", List.of(Statement.allow(List.of("sqs:ReceiveMessage",
                    "sqs:DeleteMessage", "sqs:GetQueueAttributes", LOGS.get(0), LOGS.get(1), LOGS.get(2)), List.of("*"))));

    private ManagedPolicies() {}

    /** {@code nameOrArn}: "AWSLambdaBasicExecutionRole" or "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole". */
    public static List<Statement> of(String nameOrArn) {
        String name = nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
        List<Statement> statements = POLICIES.get(name);
        if (statements == null) {
            throw new IllegalArgumentException("Managed policy " + nameOrArn + " is not known to sms-local: add it to "
                    + ManagedPolicies.class.getSimpleName());
        }
        return statements;
    }
}
