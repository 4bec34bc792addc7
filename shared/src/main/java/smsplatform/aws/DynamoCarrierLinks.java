package smsplatform.aws;

import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.CarrierReceipt;
import smsplatform.domain.Receipt;
import smsplatform.domain.SerialNo;
import smsplatform.ports.CarrierLinks;
import smsplatform.ports.MessageStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * One item per carrier id, {@code CARRIER#<id>}: the message it names (written by delivery) and a receipt that
 * came first (written by the receipt function). Each half is one UpdateItem returning the whole item, and
 * DynamoDB applies the two one after the other, so the second sees the first. Kept {@value #RETENTION_DAYS}
 * days (the table's TTL attribute {@code expiresAt}), far beyond the longest wait for a receipt.
 */
public final class DynamoCarrierLinks implements CarrierLinks {

    static final int RETENTION_DAYS = 30;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoCarrierLinks(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<CarrierReceipt> link(String carrierMessageId, MessageStore.Ref message) {
        Map<String, AttributeValue> item = update(carrierMessageId,
                "SET accountId = :account, serialNo = :serial, expiresAt = if_not_exists(expiresAt, :expires)",
                Map.of(":account", s(message.accountId().value()), ":serial", s(message.serialNo().value()), ":expires", expires()));
        if (!item.containsKey("carrierStatus")) {
            return Optional.empty();
        }
        return Optional.of(new CarrierReceipt(carrierMessageId, item.get("delivered").bool(),
                new Receipt(item.get("carrierStatus").s(), item.containsKey("description") ? item.get("description").s() : null,
                        Instant.parse(item.get("receiptAt").s()))));
    }

    @Override
    public Optional<MessageStore.Ref> park(CarrierReceipt r) {
        Receipt receipt = r.receipt();
        String update = "SET delivered = if_not_exists(delivered, :delivered), "
                + "carrierStatus = if_not_exists(carrierStatus, :status), receiptAt = if_not_exists(receiptAt, :at), "
                + "expiresAt = if_not_exists(expiresAt, :expires)";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":delivered", AttributeValue.fromBool(r.delivered()),
                ":status", s(receipt.carrierStatus()), ":at", s(receipt.at().toString()), ":expires", expires()));
        if (receipt.description() != null) {
            update += ", description = if_not_exists(description, :description)";
            values.put(":description", s(receipt.description()));
        }
        Map<String, AttributeValue> item = update(r.carrierMessageId(), update, values);
        return item.containsKey("serialNo")
                ? Optional.of(new MessageStore.Ref(new AccountId(item.get("accountId").s()), new SerialNo(item.get("serialNo").s())))
                : Optional.empty();
    }

    private AttributeValue expires() {
        return n(clock.instant().plus(Duration.ofDays(RETENTION_DAYS)).getEpochSecond());
    }

    private Map<String, AttributeValue> update(String carrierMessageId, String expression, Map<String, AttributeValue> values) {
        String pk = "CARRIER#" + carrierMessageId;
        return dynamo.updateItem(b -> b.tableName(table).key(key(pk, pk)).updateExpression(expression)
                .expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW)).attributes();
    }
}
