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
import smsplatform.domain.ApprovedTemplate;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;
import smsplatform.json.Json;
import smsplatform.json.TemplateJson;
import smsplatform.log.Log;
import smsplatform.ports.TemplateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Templates in the signatures' table, without transactions. Per account: {@code TEMPLATE#<id>}, the
 * template, written only if its {@code version} is unchanged; {@code TEMPLATE_REGISTRY}, the ids that
 * hold a quota slot (see {@link QuotaRegistry}). Template names need not be unique.
 */
public final class DynamoTemplateStore implements TemplateStore {

    static final String BY_TEMPLATE_ID = "ByTemplateId";
    static final Pattern TEMPLATE_SK = Pattern.compile("TEMPLATE#tpl-[0-9a-z]{26}");
    private static final String PREFIX = "TEMPLATE#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration grace;
    private final Runnable afterSlotClaimed;
    private final QuotaRegistry registry;
    private final AccountItems<Template> items;

    public DynamoTemplateStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DynamoSignatureStore.DEFAULT_GRACE, () -> { });
    }

    /** {@code afterSlotClaimed}: a fault-injection point between the quota write and the template write. */
    public DynamoTemplateStore(DynamoDbClient dynamo, String table, Duration grace, Runnable afterSlotClaimed) {
        this.dynamo = dynamo;
        this.table = table;
        this.grace = grace;
        this.afterSlotClaimed = afterSlotClaimed;
        this.registry = new QuotaRegistry(dynamo, table, "TEMPLATE_REGISTRY");
        this.items = new AccountItems<>(dynamo, table, PREFIX, TEMPLATE_SK, this::read, t -> t.templateId().value());
    }

    @Override
    public Template create(Template template, int quota) {
        AccountId accountId = template.accountId();
        if (!registry.claim(accountId, template.templateId().value(), quota)) {
            int freed = registry.repair(accountId, grace, id -> TemplateId.parse(id).flatMap(t -> find(accountId, t)).isPresent());
            if (freed > 0) {
                Log.warn("quota.repaired", "accountId", accountId, "freedSlots", freed);
            }
            if (freed == 0 || !registry.claim(accountId, template.templateId().value(), quota)) {
                throw Failure.invalid("FailedOperation.TemplateNumberLimit",
                        "An account can hold at most " + quota + " templates; delete one to apply for another", null);
            }
        }
        afterSlotClaimed.run();
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(template, 1)).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyStored) {
            // A retry of a creation that got this far: the stored template is the result.
            return find(accountId, template.templateId()).orElseThrow(() -> alreadyStored);
        }
        template.markStored(1);
        return template;
    }

    @Override
    public Optional<Template> find(AccountId accountId, TemplateId templateId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(account(accountId), PREFIX + templateId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    /**
     * One GetItem of the attributes SendSms renders from ({@code status}, {@code international},
     * {@code content}, {@code variables}, kept beside the document): the review history is not read.
     */
    @Override
    public Optional<ApprovedTemplate> findApproved(AccountId accountId, TemplateId templateId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(account(accountId), PREFIX + templateId)).consistentRead(true)
                .projectionExpression("#status, international, #type, content, variables")
                .expressionAttributeNames(Map.of("#status", "status", "#type", "type"))).item();
        if (item == null || !item.containsKey("content")
                || !TemplateStatus.APPROVED.name().equals(item.get("status").s())) {
            return Optional.empty();
        }
        // Items written before the type had its own attribute carry it in their document only.
        TemplateType type = item.containsKey("type") ? TemplateType.valueOf(item.get("type").s())
                : find(accountId, templateId).orElseThrow().application().type();
        return Optional.of(new ApprovedTemplate(templateId, item.get("international").bool(), type,
                item.get("content").s(), item.get("variables").l().stream().map(v -> VariableKind.valueOf(v.s())).toList()));
    }

    @Override
    public Optional<Template> findById(TemplateId templateId) {
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName(BY_TEMPLATE_ID)
                .keyConditionExpression("templateId = :id")
                .expressionAttributeValues(Map.of(":id", s(templateId.value()))));
        if (response.items().isEmpty()) {
            return Optional.empty();
        }
        return find(Items.accountOf(response.items().get(0).get("pk").s()), templateId);
    }

    @Override
    public boolean save(Template template) {
        long next = template.version() + 1;
        if (!items.putIfVersion(item(template, next), template.version())) {
            return false;
        }
        template.markStored(next);
        return true;
    }

    @Override
    public void delete(Template template) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(account(template.accountId()), PREFIX + template.templateId())));
        registry.release(template.accountId(), template.templateId().value());
    }

    @Override
    public Page<Template> list(AccountId accountId, TemplateStatus status, int limit, String nextToken) {
        return items.list(accountId, status == null ? null : status.name(), limit, nextToken);
    }

    private Map<String, AttributeValue> item(Template template, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(account(template.accountId()), PREFIX + template.templateId()));
        item.put("templateId", s(template.templateId().value()));
        item.put("status", s(template.status().name()));
        item.put("international", AttributeValue.fromBool(template.application().international()));
        item.put("type", s(template.application().type().name()));
        item.put("content", s(template.application().content()));
        item.put("variables", AttributeValue.fromL(template.application().variables().stream()
                .map(v -> s(v.name())).toList()));
        item.put("version", n(version));
        Map<String, Object> doc = TemplateJson.toStored(template);
        doc.put("version", version);
        item.put("doc", s(Json.write(doc)));
        DynamoAwaitingReview.index(item, template, template.updatedAt());
        return item;
    }

    private Template read(Map<String, AttributeValue> item) {
        return TemplateJson.fromStored(Json.parseObject(item.get("doc").s()), Long.parseLong(item.get("version").n()));
    }
}
