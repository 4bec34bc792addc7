package smsplatform.aws;

import static smsplatform.aws.Items.key;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import smsplatform.domain.Page;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A page of one partition's items named {@code <prefix><position>}, read by Query until {@code limit} items
 * passed the query's filter, the read budget is spent or the items end. DynamoDB's {@code Limit} counts the items
 * read before the filter (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html), so a
 * filtered page may hold fewer than asked and still have a next one. The next page starts after the last item
 * kept, its position the token.
 */
final class FilteredPages {

    private FilteredPages() {}

    /** {@code query}: table, key condition, filter (if {@code filtered}) and values; Limit and start are set here. */
    static <T> Page<T> read(DynamoDbClient dynamo, QueryRequest query, String pk, String prefix, boolean filtered,
                            int readBudget, int limit, String after, Function<Map<String, AttributeValue>, T> read,
                            Function<T, String> position) {
        List<T> found = new ArrayList<>();
        String resume = after;
        boolean more;
        int budget = readBudget;
        do {
            QueryRequest.Builder next = query.toBuilder().limit(filtered ? budget : limit - found.size());
            if (resume != null) {
                next.exclusiveStartKey(key(pk, prefix + resume));
            }
            QueryResponse page = dynamo.query(next.build());
            budget -= page.scannedCount() == null ? page.items().size() : page.scannedCount();
            List<Map<String, AttributeValue>> items = page.items();
            int taken = Math.min(items.size(), limit - found.size());
            items.subList(0, taken).forEach(item -> found.add(read.apply(item)));
            if (taken < items.size()) {
                resume = position.apply(found.get(found.size() - 1));
                more = true;
            } else {
                more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
                resume = more ? page.lastEvaluatedKey().get("sk").s().substring(prefix.length()) : null;
            }
        } while (more && found.size() < limit && budget > 0);
        return new Page<>(found, more ? resume : null, found.stream().map(position).toList());
    }
}
