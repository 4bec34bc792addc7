package smsplatform.aws;

import static smsplatform.aws.Items.account;
import static smsplatform.aws.Items.key;
import static smsplatform.aws.Items.n;
import static smsplatform.aws.Items.s;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import smsplatform.domain.AccountId;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignatureNameRules;
import smsplatform.domain.SignatureStatus;
import smsplatform.json.Json;
import smsplatform.json.SignatureJson;
import smsplatform.log.Log;
import smsplatform.ports.SignatureStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Signatures in one DynamoDB table, without transactions (the emulator has none). Per account:
 * <ul>
 *   <li>{@code SIGNATURE#<id>}: the signature, written only if its {@code version} is unchanged;</li>
 *   <li>{@code REGISTRY}: the set of the account's signature ids. Adding an id is one conditional
 *       write ({@code size(ids) < quota}), so the quota holds under any concurrency, and re-adding the
 *       same id is a no-op, so retries never count twice;</li>
 *   <li>{@code NAME#<lower-cased name>}: the claim that makes names unique per account.</li>
 * </ul>
 */
public final class DynamoSignatureStore implements SignatureStore {

    static final String BY_SIGNATURE_ID = "BySignatureId";
    static final Pattern SIGNATURE_SK = Pattern.compile("SIGNATURE#sig-[0-9a-z]{26}");

    /** A creation interrupted longer ago than this is abandoned: its slot and name may be reclaimed. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);
    private static final String REGISTRY = "REGISTRY";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration grace;
    private final Runnable afterSlotClaimed;
    private final QuotaRegistry registry;
    private final AccountItems<Signature> items;

    public DynamoSignatureStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DEFAULT_GRACE, () -> { });
    }

    /** {@code afterSlotClaimed}: a fault-injection point between the quota write and the signature write. */
    public DynamoSignatureStore(DynamoDbClient dynamo, String table, Duration grace, Runnable afterSlotClaimed) {
        this.dynamo = dynamo;
        this.table = table;
        this.grace = grace;
        this.afterSlotClaimed = afterSlotClaimed;
        this.registry = new QuotaRegistry(dynamo, table, REGISTRY);
        this.items = new AccountItems<>(dynamo, table, "SIGNATURE#", SIGNATURE_SK, this::read, s -> s.signatureId().value());
    }

    private boolean claimSlot(Signature signature, int quota) {
        return registry.claim(signature.accountId(), signature.signatureId().value(), quota);
    }

    @Override
    public Signature create(Signature signature, int quota) {
        claimName(signature);
        if (!claimSlot(signature, quota) && (repair(signature.accountId()) == 0 || !claimSlot(signature, quota))) {
            releaseName(signature.accountId(), international(signature), signature.name(), signature.signatureId().value());
            throw Failure.invalid("FailedOperation.SignNumberLimit",
                    "An account can hold at most " + quota + " signatures; delete one to apply for another", null);
        }
        afterSlotClaimed.run();
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(signature, 1)).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyStored) {
            // A retry of a creation that got this far: the stored signature is the result.
            return find(signature.accountId(), signature.signatureId()).orElseThrow(() -> alreadyStored);
        }
        signature.markStored(1);
        return signature;
    }

    private void claimName(Signature signature) {
        Map<String, AttributeValue> claim = nameKey(signature.accountId(), international(signature), signature.name());
        claim.put("signatureId", s(signature.signatureId().value()));
        claim.put("claimedAt", n(System.currentTimeMillis()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(claim).conditionExpression("attribute_not_exists(pk)"));
            return;
        } catch (ConditionalCheckFailedException taken) {
            // answered below
        }
        Map<String, AttributeValue> holder = claimOf(signature.accountId(), international(signature), signature.name());
        String holderId = holder == null ? null : holder.get("signatureId").s();
        if (signature.signatureId().value().equals(holderId)) {
            return;
        }
        Optional<Signature> existing = SignatureId.parse(holderId).flatMap(id -> find(signature.accountId(), id));
        if (existing.isPresent()) {
            boolean approved = existing.get().status() == SignatureStatus.APPROVED;
            throw Failure.conflict(
                    approved ? "FailedOperation.SignatureAlreadyExists" : "InvalidParameterValue.SignExistAndUnapproved",
                    "You already have a signature named '" + existing.get().name() + "'"
                            + (approved ? "" : " that is not approved yet; modify it instead"));
        }
        if (holder != null && !isAbandoned(holder)) {
            throw Failure.conflict("InvalidParameterValue.SignExistAndUnapproved",
                    "A signature named '" + signature.name() + "' is being created right now");
        }
        // The claim outlived an interrupted creation: take it over, unless someone else just did.
        try {
            if (holder == null) {
                dynamo.putItem(b -> b.tableName(table).item(claim).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(claim).conditionExpression("signatureId = :old")
                        .expressionAttributeValues(Map.of(":old", s(holderId))));
            }
        } catch (ConditionalCheckFailedException raced) {
            throw Failure.conflict("InvalidParameterValue.SignExistAndUnapproved",
                    "A signature named '" + signature.name() + "' is being created right now");
        }
    }

    private boolean isAbandoned(Map<String, AttributeValue> claim) {
        AttributeValue at = claim.get("claimedAt");
        return at == null || Long.parseLong(at.n()) < System.currentTimeMillis() - grace.toMillis();
    }

    private Map<String, AttributeValue> claimOf(AccountId accountId, boolean international, String name) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(nameKey(accountId, international, name)).consistentRead(true)).item();
        return item == null || !item.containsKey("signatureId") ? null : item;
    }

    private void releaseName(AccountId accountId, boolean international, String name, String signatureId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(nameKey(accountId, international, name))
                    .conditionExpression("signatureId = :id")
                    .expressionAttributeValues(Map.of(":id", s(signatureId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Already released, or now held by another signature: nothing to do.
        }
    }

    @Override
    public int repair(AccountId accountId) {
        int freed = registry.repair(accountId, grace, id -> SignatureId.parse(id).flatMap(s -> find(accountId, s)).isPresent());
        QueryResponse claims = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(account(accountId)), ":prefix", s("NAME#"))));
        for (Map<String, AttributeValue> claim : claims.items()) {
            String holder = claim.get("signatureId").s();
            if (isAbandoned(claim) && SignatureId.parse(holder).flatMap(id -> find(accountId, id)).isEmpty()) {
                try {
                    dynamo.deleteItem(b -> b.tableName(table).key(key(account(accountId), claim.get("sk").s()))
                            .conditionExpression("signatureId = :id")
                            .expressionAttributeValues(Map.of(":id", s(holder))));
                } catch (ConditionalCheckFailedException moved) {
                    // taken over meanwhile
                }
            }
        }
        if (freed > 0) {
            Log.warn("quota.repaired", "accountId", accountId, "freedSlots", freed);
        }
        return freed;
    }

    /** Names are unique per account and region: a domestic and an international signature may share one. */
    private static Map<String, AttributeValue> nameKey(AccountId accountId, boolean international, String name) {
        return new HashMap<>(key(account(accountId),
                "NAME#" + (international ? "INTL#" : "CN#") + SignatureNameRules.uniquenessKey(name)));
    }

    private static boolean international(Signature signature) {
        return signature.application().international();
    }

    @Override
    public Optional<Signature> find(AccountId accountId, SignatureId signatureId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(account(accountId), "SIGNATURE#" + signatureId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public Optional<Signature> findById(SignatureId signatureId) {
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName(BY_SIGNATURE_ID)
                .keyConditionExpression("signatureId = :id")
                .expressionAttributeValues(Map.of(":id", s(signatureId.value()))));
        if (response.items().isEmpty()) {
            return Optional.empty();
        }
        String pk = response.items().get(0).get("pk").s();
        return find(Items.accountOf(pk), signatureId);
    }

    @Override
    public boolean save(Signature signature) {
        long next = signature.version() + 1;
        if (!items.putIfVersion(item(signature, next), signature.version())) {
            return false;
        }
        signature.markStored(next);
        return true;
    }

    @Override
    public boolean rename(Signature signature, String previousName) {
        claimName(signature);
        if (!save(signature)) {
            releaseName(signature.accountId(), international(signature), signature.name(), signature.signatureId().value());
            return false;
        }
        releaseName(signature.accountId(), international(signature), previousName, signature.signatureId().value());
        return true;
    }

    /** One counter item per signature ({@code UPLOADS#<id>}), so counting never bumps the signature's version. */
    @Override
    public boolean claimUploads(AccountId accountId, SignatureId signatureId, int count, int max) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(account(accountId), "UPLOADS#" + signatureId))
                    .updateExpression("ADD issued :count")
                    .conditionExpression("attribute_not_exists(issued) OR issued <= :room")
                    .expressionAttributeValues(Map.of(":count", n(count), ":room", n(max - count))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    @Override
    public void delete(Signature signature) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(account(signature.accountId()),
                "SIGNATURE#" + signature.signatureId())));
        dynamo.deleteItem(b -> b.tableName(table).key(key(account(signature.accountId()),
                "UPLOADS#" + signature.signatureId())));
        releaseName(signature.accountId(), international(signature), signature.name(), signature.signatureId().value());
        registry.release(signature.accountId(), signature.signatureId().value());
    }

    @Override
    public Page<Signature> list(AccountId accountId, SignatureStatus status, int limit, String nextToken) {
        return items.list(accountId, status == null ? null : status.name(), limit, nextToken);
    }

    @Override
    public Optional<Signature> findByName(AccountId accountId, boolean international, String name) {
        Map<String, AttributeValue> claim = claimOf(accountId, international, name);
        return claim == null ? Optional.empty() : find(accountId, new SignatureId(claim.get("signatureId").s()));
    }

    private Map<String, AttributeValue> item(Signature signature, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(account(signature.accountId()),
                "SIGNATURE#" + signature.signatureId()));
        item.put("signatureId", s(signature.signatureId().value()));
        item.put("status", s(signature.status().name()));
        item.put("version", n(version));
        Map<String, Object> doc = SignatureJson.toStored(signature);
        doc.put("version", version);
        item.put("doc", s(Json.write(doc)));
        DynamoAwaitingReview.index(item, signature, signature.updatedAt());
        return item;
    }

    private Signature read(Map<String, AttributeValue> item) {
        return SignatureJson.fromStored(Json.parseObject(item.get("doc").s()), Long.parseLong(item.get("version").n()));
    }
}
