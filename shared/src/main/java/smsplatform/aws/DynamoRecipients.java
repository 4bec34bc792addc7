package smsplatform.aws;

import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import smsplatform.ports.MessageStore;
import smsplatform.ports.Recipients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The sparse index {@value #INDEX} of the messages the carrier accepted ({@link DynamoMessageStore#recordAcceptance}
 * sets its keys): the newest one to a number is one Query, newest first, limit 1. The index is eventually
 * consistent; a reply comes seconds at the earliest after the message it answers.
 */
public final class DynamoRecipients implements Recipients {

    static final String INDEX = "ByRecipient";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRecipients(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<MessageStore.Ref> lastMessageTo(String number, Instant since, Instant until) {
        return dynamo.query(b -> b.tableName(table).indexName(INDEX)
                        .keyConditionExpression("recipient = :number AND recipientAt BETWEEN :since AND :until")
                        .expressionAttributeValues(Map.of(":number", s(number), ":since", n(since.toEpochMilli()),
                                ":until", n(until.toEpochMilli())))
                        .scanIndexForward(false).limit(1))
                .items().stream().findFirst().map(DynamoMessageStore::ref);
    }
}
