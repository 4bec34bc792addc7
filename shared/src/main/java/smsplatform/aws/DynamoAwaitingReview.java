package smsplatform.aws;

import static smsplatform.aws.Items.s;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import smsplatform.domain.AccountId;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.Page;
import smsplatform.domain.Reviewable;
import smsplatform.domain.SignatureId;
import smsplatform.domain.TemplateId;
import smsplatform.json.Json;
import smsplatform.ports.AwaitingReview;
import smsplatform.ports.SignatureStore;
import smsplatform.ports.TemplateStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The reviewer queue as one sparse index over signatures and templates: an item waiting for a
 * reviewer carries {@code reviewQueue = MANUAL} and {@code reviewSince = <updatedAt>#<id>}, so both
 * kinds come out in one order, oldest first.
 */
public final class DynamoAwaitingReview implements AwaitingReview {

    static final String REVIEWER_QUEUE = "ReviewerQueue";
    private static final String MANUAL = "MANUAL";
    private static final Map<ApplicationKind, String> SK_PREFIX =
            Map.of(ApplicationKind.SIGNATURE, "SIGNATURE#", ApplicationKind.TEMPLATE, "TEMPLATE#");

    private final DynamoDbClient dynamo;
    private final String table;
    private final SignatureStore signatures;
    private final TemplateStore templates;

    public DynamoAwaitingReview(DynamoDbClient dynamo, String table, SignatureStore signatures, TemplateStore templates) {
        this.dynamo = dynamo;
        this.table = table;
        this.signatures = signatures;
        this.templates = templates;
    }

    /** Puts an application's item in the index while it waits for a reviewer. */
    static void index(Map<String, AttributeValue> item, Reviewable application, Instant since) {
        if (application.awaitsReviewer()) {
            item.put("reviewQueue", s(MANUAL));
            item.put("reviewSince", s(since + "#" + application.id()));
        }
    }

    @Override
    public Page<Reviewable> list(ApplicationKind kind, int limit, String nextToken) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":manual", s(MANUAL));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(REVIEWER_QUEUE)
                .keyConditionExpression("reviewQueue = :manual")
                .scanIndexForward(true).limit(limit);
        if (kind != null) {
            values.put(":kind", s(SK_PREFIX.get(kind)));
            query.filterExpression("begins_with(sk, :kind)");
        }
        if (nextToken != null) {
            query.exclusiveStartKey(decodeToken(nextToken));
        }
        QueryResponse response = dynamo.query(query.expressionAttributeValues(values).build());
        List<Reviewable> applications = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        for (Map<String, AttributeValue> indexed : response.items()) {
            // The index is eventually consistent: re-read, and skip what has moved on since.
            Optional<? extends Reviewable> current = read(Items.accountOf(indexed.get("pk").s()),
                    indexed.get("sk").s()).filter(Reviewable::awaitsReviewer);
            if (current.isPresent()) {
                applications.add(current.get());
                positions.add(position(indexed));
            }
        }
        String token = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? position(response.lastEvaluatedKey()) : null;
        return new Page<>(applications, token, positions);
    }

    private Optional<? extends Reviewable> read(AccountId accountId, String sk) {
        return sk.startsWith("SIGNATURE#")
                ? signatures.find(accountId, new SignatureId(sk.substring("SIGNATURE#".length())))
                : templates.find(accountId, new TemplateId(sk.substring("TEMPLATE#".length())));
    }

    private static String position(Map<String, AttributeValue> key) {
        return Items.encodeToken(Json.write(Map.of("pk", key.get("pk").s(), "sk", key.get("sk").s(),
                "reviewSince", key.get("reviewSince").s())));
    }

    /**
     * The queue position a token holds, exactly as {@link #list} writes it: anything else (another
     * shape, a missing or non-string field, keys DynamoDB would refuse) is 400, never a query DynamoDB fails.
     */
    private static Map<String, AttributeValue> decodeToken(String token) {
        Map<String, Object> m;
        try {
            m = Json.parseObject(Items.decodeToken(token));
        } catch (RuntimeException e) {
            throw Items.invalidToken();
        }
        if (!m.keySet().equals(Set.of("pk", "sk", "reviewSince"))
                || !(m.get("pk") instanceof String pk) || !(m.get("sk") instanceof String sk)
                || !(m.get("reviewSince") instanceof String since)
                || Items.parseAccount(pk).isEmpty()
                || !(DynamoSignatureStore.SIGNATURE_SK.matcher(sk).matches()
                        || DynamoTemplateStore.TEMPLATE_SK.matcher(sk).matches())) {
            throw Items.invalidToken();
        }
        String suffix = "#" + sk.substring(sk.indexOf('#') + 1);
        if (!since.endsWith(suffix) || !isInstant(since.substring(0, since.length() - suffix.length()))) {
            throw Items.invalidToken();
        }
        return Map.of("pk", s(pk), "sk", s(sk), "reviewQueue", s(MANUAL), "reviewSince", s(since));
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
