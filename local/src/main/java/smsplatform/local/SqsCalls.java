package smsplatform.local;

import java.net.URI;
import java.util.List;
import java.util.Map;
import smsplatform.local.iam.AwsCall;

/**
 * What IAM authorizes for one SQS request (JSON protocol, {@code X-Amz-Target: AmazonSQS.Op}): sqs:Op on
 * the queue's ARN, taken from its QueueUrl. A batch is authorized as its single-message action: SQS has
 * no permission of its own for SendMessageBatch, DeleteMessageBatch or ChangeMessageVisibilityBatch
 * ("Amazon SQS batch actions", SQS Developer Guide).
 */
final class SqsCalls {

    private static final Map<String, String> BATCHES = Map.of("SendMessageBatch", "SendMessage",
            "DeleteMessageBatch", "DeleteMessage", "ChangeMessageVisibilityBatch", "ChangeMessageVisibility");

    private SqsCalls() {}

    static List<AwsCall> of(String operation, Map<String, Object> body) {
        String action = "sqs:" + BATCHES.getOrDefault(operation, operation);
        Object url = body.get("QueueUrl");
        String account = SqsEmulator.ACCOUNT;
        String queue;
        if (url != null) {
            String[] path = URI.create(String.valueOf(url)).getPath().replaceAll("^/+", "").split("/");
            account = path.length > 1 ? path[path.length - 2] : account;
            queue = path[path.length - 1];
        } else if (body.get("QueueName") != null) {
            queue = String.valueOf(body.get("QueueName"));
        } else {
            queue = "*";
        }
        return List.of(new AwsCall(action, "arn:aws:sqs:" + StackPlan.REGION + ":" + account + ":" + queue));
    }
}
