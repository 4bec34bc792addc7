package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.InboundSms;
import smsplatform.domain.OptOutKeywords;
import smsplatform.domain.Page;
import smsplatform.domain.Reply;
import smsplatform.domain.SerialNo;
import smsplatform.ports.MessageStore;
import smsplatform.ports.Replies;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@code ACCOUNT#<id> / REPLY#<epoch ms, 15 digits>#<inbound message id>}: a time range is a key range, read newest
 * first. A reply is one conditional put, so a redelivered reply is found, not stored twice; {@code announced}
 * is set once its REPLY event is published. Its claim, {@code INBOUND#<id> / INBOUND#}, is a conditional put made
 * first that fixes the reply's time and attribution; it holds a reply no account can be given, for the operator,
 * and expires after {@value #CLAIM_DAYS} days.
 */
public final class DynamoReplies implements Replies {

    private static final String SK = "REPLY#";
    private static final String CLAIM = "INBOUND#";
    /** Longer than any redelivery: SQS keeps a message 14 days at the most. */
    static final int CLAIM_DAYS = 30;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReplies(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Recorded record(Reply reply) {
        Map<String, AttributeValue> item = new HashMap<>(key(account(reply.accountId()), sk(reply.receivedAt(), reply.replyId())));
        item.put("replyId", s(reply.replyId()));
        item.put("phoneNumber", s(reply.phoneNumber()));
        item.put("to", s(reply.to()));
        item.put("text", s(reply.text()));
        item.put("receivedAt", s(reply.receivedAt().toString()));
        item.put("serialNo", s(reply.serialNo().value()));
        if (reply.keyword() != null) {
            item.put("keyword", s(reply.keyword().name()));
        }
        item.put("announced", AttributeValue.fromBool(false));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return new Recorded(true, false);
        } catch (ConditionalCheckFailedException stored) {
            Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(key(account(reply.accountId()), sk(reply.receivedAt(), reply.replyId())))
                    .projectionExpression("announced")).item();
            return new Recorded(false, existing.containsKey("announced") && existing.get("announced").bool());
        }
    }

    @Override
    public void announced(Reply reply) {
        dynamo.updateItem(b -> b.tableName(table).key(key(account(reply.accountId()), sk(reply.receivedAt(), reply.replyId())))
                .updateExpression("SET announced = :true").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
    }

    @Override
    public Claim claim(InboundSms sms, Optional<MessageStore.Ref> attributedTo) {
        Map<String, AttributeValue> key = key(CLAIM + sms.inboundMessageId(), CLAIM);
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("receivedAt", s(sms.receivedAt().toString()));
        attributedTo.ifPresent(ref -> {
            item.put("accountId", s(ref.accountId().value()));
            item.put("serialNo", s(ref.serialNo().value()));
        });
        if (attributedTo.isEmpty()) {
            item.put("phoneNumber", s(sms.from()));
            item.put("to", s(sms.to()));
            item.put("text", s(sms.text()));
        }
        item.put("expiresAt", n(sms.receivedAt().plus(Duration.ofDays(CLAIM_DAYS)).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return new Claim(true, sms.receivedAt(), attributedTo);
        } catch (ConditionalCheckFailedException claimed) {
            Map<String, AttributeValue> first = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            return new Claim(false, Instant.parse(first.get("receivedAt").s()), first.containsKey("accountId")
                    ? Optional.of(new MessageStore.Ref(new AccountId(first.get("accountId").s()), new SerialNo(first.get("serialNo").s())))
                    : Optional.empty());
        }
    }

    @Override
    public Page<Reply> list(AccountId accountId, Instant from, Instant to, int limit, String after) {
        Map<String, AttributeValue> values = Map.of(":pk", s(account(accountId)),
                ":first", s(SK + millis(from)), ":last", s(SK + millis(to) + "#\uffff"));
        QueryResponse page = dynamo.query(b -> {
            b.tableName(table).consistentRead(true).scanIndexForward(false).limit(limit)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :first AND :last")
                    .expressionAttributeValues(values);
            if (after != null) {
                b.exclusiveStartKey(key(account(accountId), SK + after));
            }
        });
        List<Reply> replies = page.items().stream().map(item -> read(accountId, item)).toList();
        List<String> positions = page.items().stream().map(item -> item.get("sk").s().substring(SK.length())).toList();
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && !positions.isEmpty();
        return new Page<>(replies, more ? positions.get(positions.size() - 1) : null, positions);
    }

    private static String sk(Instant receivedAt, String id) {
        return SK + millis(receivedAt) + "#" + id;
    }

    private static String millis(Instant at) {
        return String.format("%015d", at.toEpochMilli());
    }

    private static Reply read(AccountId accountId, Map<String, AttributeValue> item) {
        return new Reply(accountId, item.get("replyId").s(), item.get("phoneNumber").s(), item.get("to").s(),
                item.get("text").s(), Instant.parse(item.get("receivedAt").s()), new SerialNo(item.get("serialNo").s()),
                item.containsKey("keyword") ? OptOutKeywords.Action.valueOf(item.get("keyword").s()) : null);
    }
}
