package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.AccountId;
import smsplatform.domain.Page;
import smsplatform.domain.SmsMessage;
import smsplatform.ports.SentMessages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The messages of {@link DynamoMessageStore} ({@code ACCOUNT#<id> / SMS#<serialNo>}) listed by serial number:
 * a time range is a key range ({@code sk BETWEEN}), read newest first ({@code ScanIndexForward=false}), the
 * number and status filtered by a FilterExpression. DynamoDB's {@code Limit} counts the items it reads before
 * the filter ("Limiting the number of items in the result set",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html; "Filter expressions for the
 * Query operation", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html),
 * so a filtered page reads at most {@value #READ_BUDGET} messages and may hold fewer than asked.
 */
public final class DynamoSentMessages implements SentMessages {

    static final int READ_BUDGET = 200;
    private static final String SK = "SMS#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSentMessages(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page<SmsMessage> list(AccountId accountId, Filter filter, int limit, String afterSerialNo) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(account(accountId)),
                ":first", s(SK + filter.firstSerialNo()), ":last", s(SK + filter.lastSerialNo())));
        List<String> conditions = new ArrayList<>();
        if (filter.phoneNumber() != null) {
            conditions.add("phoneNumber = :phone");
            values.put(":phone", s(filter.phoneNumber()));
        }
        if (filter.status() != null) {
            conditions.add("#status = :status");
            values.put(":status", s(filter.status()));
        }
        boolean filtered = !conditions.isEmpty();
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :first AND :last")
                .expressionAttributeValues(values).scanIndexForward(false).consistentRead(true);
        if (filtered) {
            query.filterExpression(String.join(" AND ", conditions));
        }
        if (filter.status() != null) {
            query.expressionAttributeNames(Map.of("#status", "status"));
        }
        return FilteredPages.read(dynamo, query.build(), account(accountId), SK, filtered, READ_BUDGET, limit,
                afterSerialNo, item -> DynamoMessageStore.read(accountId, item), m -> m.serialNo().value());
    }
}
