package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import smsplatform.domain.AccountId;
import smsplatform.domain.Receipt;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.TemplateId;
import smsplatform.ports.MessageStore;
import smsplatform.support.Parallel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Messages under {@code ACCOUNT#<id> / SMS#<serialNo>}; status changes are conditional on the current
 * status. New messages go in batches of 25; those of a re-run request one conditional put each.
 * A message not yet settled (QUEUED or SENT) carries the keys of the sparse index {@value #PENDING_INDEX}
 * ({@code pendingShard} = status and shard, {@code pendingSince} = epoch milliseconds of its last change),
 * set and removed by the very writes that record it and change its status. A SENT message the carrier accepted
 * moves to the index's {@value #AWAITING_RECEIPT} shards, since it waits for a receipt, not for a hand-over. A
 * message that reaches a final status stays in the {@value #UNANNOUNCED} shards until its MESSAGE_STATUS event is
 * published ({@link #announced}): the outbox the sweeper reads if a function stopped in between. The carrier's
 * acceptance also sets the keys of the sparse index {@code ByRecipient} ({@code recipient} = the number,
 * {@code recipientAt} = the acceptance's epoch milliseconds): which account a number heard from last
 * ({@link DynamoRecipients}).
 */
public final class DynamoMessageStore implements MessageStore {

    /** BatchWriteItem's maximum. */
    private static final int BATCH = 25;
    private static final int BATCH_ATTEMPTS = 8;

    static final String PENDING_INDEX = "PendingMessages";
    /**
     * Index partitions per status, so that its writes spread over many keys (a key takes about 1000 writes a
     * second, and each message writes each of its two keys twice). Changing it strands what the old shards hold.
     */
    static final int PENDING_SHARDS = 16;

    static final String AWAITING_RECEIPT = "RECEIPT";
    static final String UNANNOUNCED = "UNANNOUNCED";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMessageStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<SerialNo> recordQueued(List<SmsMessage> messages, boolean mayExist) {
        if (mayExist) {
            return Parallel.map(messages, this::record).stream().filter(Objects::nonNull).toList();
        }
        Parallel.inBatches(messages, BATCH, this::writeBatch);
        return messages.stream().map(SmsMessage::serialNo).toList();
    }

    /** One BatchWriteItem, then again for what DynamoDB left unprocessed (throttling), with backoff. */
    private Void writeBatch(List<SmsMessage> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch.stream()
                .map(m -> WriteRequest.builder().putRequest(p -> p.item(item(m))).build()).toList());
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == BATCH_ATTEMPTS) {
                throw new IllegalStateException(pending.get(table).size() + " messages could not be recorded");
            }
            if (attempt > 0) {
                Backoff.throttled(attempt);
            }
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
        return null;
    }


    /** One conditional put (in parallel with the others); the serial number if the message is QUEUED. */
    private SerialNo record(SmsMessage m) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(m)).conditionExpression("attribute_not_exists(pk)"));
            return m.serialNo();
        } catch (ConditionalCheckFailedException recorded) {
            return find(m.accountId(), m.serialNo()).filter(existing -> existing.status() == SmsMessage.Status.QUEUED)
                    .map(SmsMessage::serialNo).orElse(null);
        }
    }

    @Override
    public Optional<SmsMessage> find(AccountId accountId, SerialNo serialNo) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(account(accountId), "SMS#" + serialNo)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(accountId, item));
    }

    @Override
    public boolean transition(AccountId accountId, SerialNo serialNo, SmsMessage.Status expected,
                              SmsMessage.StatusChange change) {
        return update(accountId, serialNo, expected, null, change);
    }

    @Override
    public boolean transitionIfUnchanged(SmsMessage seen, SmsMessage.StatusChange change) {
        return update(seen.accountId(), seen.serialNo(), seen.status(), seen.lastChange().at(), change);
    }

    /** The status change, conditional on the status (and on the last change, if given); index keys follow it. */
    private boolean update(AccountId accountId, SerialNo serialNo, SmsMessage.Status expected, Instant lastChange,
                           SmsMessage.StatusChange change) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":to", s(change.status().name()),
                ":expected", s(expected.name()),
                ":change", AttributeValue.fromL(List.of(change(change)))));
        String update = "SET #status = :to, statusHistory = list_append(statusHistory, :change)";
        update += ", pendingShard = :shard, pendingSince = :since";
        values.put(":shard", s(pendingShard(pending(change.status()) ? change.status().name() : UNANNOUNCED, serialNo)));
        values.put(":since", n(change.at().toEpochMilli()));
        String condition = "#status = :expected";
        if (lastChange != null) {
            condition += " AND pendingSince = :lastChange";
            values.put(":lastChange", n(lastChange.toEpochMilli()));
        }
        String expression = update;
        String conditionExpression = condition;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(account(accountId), "SMS#" + serialNo))
                    .updateExpression(expression)
                    .conditionExpression(conditionExpression)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public List<Ref> pending(SmsMessage.Status status, Instant lastChangeBefore, int limit) {
        return pending(status.name(), lastChangeBefore, limit);
    }

    @Override
    public List<Ref> awaitingReceipt(Instant acceptedBefore, int limit) {
        return pending(AWAITING_RECEIPT, acceptedBefore, limit);
    }

    private List<Ref> pending(String stage, Instant lastChangeBefore, int limit) {
        int perShard = Math.max(1, (limit + PENDING_SHARDS - 1) / PENDING_SHARDS);
        List<Integer> shards = IntStream.range(0, PENDING_SHARDS).boxed().toList();
        return Parallel.map(shards, shard -> pendingInShard(shardKey(stage, shard), lastChangeBefore, perShard))
                .stream().flatMap(List::stream).toList();
    }

    private List<Ref> pendingInShard(String shard, Instant lastChangeBefore, int limit) {
        List<Ref> refs = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(PENDING_INDEX)
                    .keyConditionExpression("pendingShard = :shard AND pendingSince <= :before")
                    .expressionAttributeValues(Map.of(":shard", s(shard), ":before", n(lastChangeBefore.toEpochMilli())))
                    .limit(limit - refs.size()).exclusiveStartKey(from));
            page.items().forEach(item -> refs.add(ref(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && refs.size() < limit);
        return refs;
    }

    /** The message an item of the table or of one of its indexes ({@code pk}, {@code sk} projected) is. */
    static Ref ref(Map<String, AttributeValue> item) {
        return new Ref(Items.accountOf(item.get("pk").s()),
                new SerialNo(item.get("sk").s().substring("SMS#".length())));
    }

    private static boolean pending(SmsMessage.Status status) {
        return status == SmsMessage.Status.QUEUED || status == SmsMessage.Status.SENT;
    }

    private static String pendingShard(SmsMessage.Status status, SerialNo serialNo) {
        return pendingShard(status.name(), serialNo);
    }

    private static String pendingShard(String stage, SerialNo serialNo) {
        return shardKey(stage, Math.floorMod(serialNo.value().hashCode(), PENDING_SHARDS));
    }

    private static String shardKey(String stage, int shard) {
        return stage + "#" + shard;
    }

    @Override
    public boolean recordAcceptance(AccountId accountId, SerialNo serialNo, String carrierMessageId,
                                    SmsMessage.StatusChange change) {
        return conditionalUpdate(accountId, serialNo,
                "SET carrierMessageId = :carrier, statusHistory = list_append(statusHistory, :change), "
                        + "pendingShard = :shard, pendingSince = :since, recipient = phoneNumber, recipientAt = :since",
                "#status = :sent AND attribute_not_exists(carrierMessageId)",
                Map.of(":carrier", s(carrierMessageId), ":change", AttributeValue.fromL(List.of(change(change))),
                        ":shard", s(pendingShard(AWAITING_RECEIPT, serialNo)), ":since", n(change.at().toEpochMilli()),
                        ":sent", s(SmsMessage.Status.SENT.name())));
    }

    @Override
    public boolean applyReceipt(AccountId accountId, SerialNo serialNo, SmsMessage.StatusChange change, Receipt receipt) {
        return conditionalUpdate(accountId, serialNo,
                "SET #status = :to, receipt = :receipt, statusHistory = list_append(statusHistory, :change), "
                        + "pendingShard = :shard, pendingSince = :since",
                "#status = :sent",
                Map.of(":to", s(change.status().name()), ":receipt", receipt(receipt),
                        ":change", AttributeValue.fromL(List.of(change(change))), ":sent", s(SmsMessage.Status.SENT.name()),
                        ":shard", s(pendingShard(UNANNOUNCED, serialNo)), ":since", n(change.at().toEpochMilli())));
    }

    @Override
    public List<Ref> unannounced(Instant settledBefore, int limit) {
        return pending(UNANNOUNCED, settledBefore, limit);
    }

    @Override
    public void announced(AccountId accountId, SerialNo serialNo) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(account(accountId), "SMS#" + serialNo))
                    .updateExpression("REMOVE pendingShard, pendingSince")
                    .conditionExpression("begins_with(pendingShard, :stage)")
                    .expressionAttributeValues(Map.of(":stage", s(UNANNOUNCED + "#"))));
        } catch (ConditionalCheckFailedException notWaiting) {
            // Announced already (or not settled): nothing to clear.
        }
    }

    private boolean conditionalUpdate(AccountId accountId, SerialNo serialNo, String update, String condition,
                                      Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(account(accountId), "SMS#" + serialNo))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private static AttributeValue receipt(Receipt r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("carrierStatus", s(r.carrierStatus()));
        if (r.description() != null) {
            m.put("description", s(r.description()));
        }
        m.put("at", s(r.at().toString()));
        return AttributeValue.fromM(m);
    }

    private static Receipt receipt(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new Receipt(m.get("carrierStatus").s(), m.containsKey("description") ? m.get("description").s() : null,
                Instant.parse(m.get("at").s()));
    }

    @Override
    public void note(AccountId accountId, SerialNo serialNo, SmsMessage.Cause cause, String detail) {
        SmsMessage current = find(accountId, serialNo).orElseThrow();
        transition(accountId, serialNo, current.status(), cause.change(current.status(), Instant.now(), detail));
    }

    static Map<String, AttributeValue> item(SmsMessage m) {
        Map<String, AttributeValue> item = new HashMap<>(key(account(m.accountId()), "SMS#" + m.serialNo()));
        item.put("serialNo", s(m.serialNo().value()));
        item.put("phoneNumber", s(m.phoneNumber()));
        if (m.sign() != null) {
            item.put("sign", s(m.sign()));
        }
        if (m.templateId() != null) {
            // Not "templateId": that attribute keys the ByTemplateId index, which holds templates only.
            item.put("template", s(m.templateId().value()));
        }
        item.put("text", s(m.text()));
        item.put("fee", n(m.fee()));
        item.put("status", s(m.status().name()));
        item.put("statusHistory", AttributeValue.fromL(m.statusHistory().stream().map(DynamoMessageStore::change).toList()));
        item.put("createdAt", s(m.createdAt().toString()));
        if (m.carrierMessageId() != null) {
            item.put("carrierMessageId", s(m.carrierMessageId()));
        }
        if (m.receipt() != null) {
            item.put("receipt", receipt(m.receipt()));
        }
        if (pending(m.status())) {
            item.put("pendingShard", s(pendingShard(m.status(), m.serialNo())));
            item.put("pendingSince", n(m.lastChange().at().toEpochMilli()));
        }
        return item;
    }

    private static AttributeValue change(SmsMessage.StatusChange c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("status", s(c.status().name()));
        m.put("at", s(c.at().toString()));
        if (c.detail() != null) {
            m.put("detail", s(c.detail()));
        }
        if (c.cause() != null) {
            m.put("cause", s(c.cause().name()));
        }
        return AttributeValue.fromM(m);
    }

    /** A stored message as the domain sees it (also what {@link DynamoSentMessages} lists). */
    static SmsMessage read(AccountId accountId, Map<String, AttributeValue> item) {
        List<SmsMessage.StatusChange> history = item.get("statusHistory").l().stream().map(v -> {
            Map<String, AttributeValue> m = v.m();
            String detail = m.containsKey("detail") ? m.get("detail").s() : null;
            return new SmsMessage.StatusChange(SmsMessage.Status.valueOf(m.get("status").s()),
                    Instant.parse(m.get("at").s()), detail,
                    m.containsKey("cause") ? SmsMessage.Cause.valueOf(m.get("cause").s()) : SmsMessage.Cause.ofStoredDetail(detail));
        }).toList();
        return new SmsMessage(accountId, new SerialNo(item.get("serialNo").s()), item.get("phoneNumber").s(),
                item.containsKey("sign") ? item.get("sign").s() : null,
                item.containsKey("template") ? new TemplateId(item.get("template").s()) : null, item.get("text").s(),
                Integer.parseInt(item.get("fee").n()), SmsMessage.Status.valueOf(item.get("status").s()),
                history, Instant.parse(item.get("createdAt").s()),
                item.containsKey("carrierMessageId") ? item.get("carrierMessageId").s() : null,
                item.containsKey("receipt") ? receipt(item.get("receipt")) : null);
    }
}
