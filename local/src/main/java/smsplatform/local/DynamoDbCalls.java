package smsplatform.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import smsplatform.local.iam.AwsCall;

/**
 * What IAM authorizes for one DynamoDB request (JSON protocol, {@code X-Amz-Target: DynamoDB_20120810.Op}):
 * dynamodb:Op on the table's ARN, on {@code table/T/index/I} for a Query or Scan of an index, and on
 * every table a batch or transaction names.
 */
final class DynamoDbCalls {

    private static final Map<String, String> TRANSACT_ACTIONS = Map.of("Put", "PutItem", "Update", "UpdateItem",
            "Delete", "DeleteItem", "ConditionCheck", "ConditionCheckItem", "Get", "GetItem");

    private DynamoDbCalls() {}

    static List<AwsCall> of(String operation, Map<String, Object> body) {
        List<AwsCall> calls = new ArrayList<>();
        switch (operation) {
            case "BatchGetItem", "BatchWriteItem" -> Template.map(body.get("RequestItems")).keySet()
                    .forEach(table -> calls.add(new AwsCall("dynamodb:" + operation, table(table))));
            case "TransactWriteItems", "TransactGetItems" -> {
                for (Object item : Template.list(body.get("TransactItems"))) {
                    Template.map(item).forEach((kind, request) -> calls.add(new AwsCall(
                            "dynamodb:" + TRANSACT_ACTIONS.getOrDefault(kind, kind),
                            table(String.valueOf(Template.map(request).get("TableName"))))));
                }
            }
            default -> {
                Object table = body.get("TableName");
                if (table == null) {
                    calls.add(new AwsCall("dynamodb:" + operation, "*"));
                } else {
                    Object index = body.get("IndexName");
                    calls.add(new AwsCall("dynamodb:" + operation, table(String.valueOf(table))
                            + (index != null && (operation.equals("Query") || operation.equals("Scan")) ? "/index/" + index : "")));
                }
            }
        }
        return calls;
    }

    /** {@code name} may already be an ARN: DynamoDB accepts either in TableName. */
    private static String table(String name) {
        return name.startsWith("arn:") ? name
                : "arn:aws:dynamodb:" + StackPlan.REGION + ":" + SqsEmulator.ACCOUNT + ":table/" + name;
    }
}
