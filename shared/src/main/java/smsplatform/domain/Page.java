package smsplatform.domain;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * One page of a listing; {@code nextToken} is null on the last page. {@code tokensAfter}, when given,
 * holds for each item the token that resumes the listing right after it, so that a page can be cut
 * short (see {@link #within}) without losing or repeating an item.
 */
public record Page<T>(List<T> items, String nextToken, List<String> tokensAfter) {

    public Page {
        items = List.copyOf(items);
        tokensAfter = List.copyOf(tokensAfter);
        if (!tokensAfter.isEmpty() && tokensAfter.size() != items.size()) {
            throw new IllegalArgumentException("one token after each item, or none");
        }
    }

    public Page(List<T> items, String nextToken) {
        this(items, nextToken, List.of());
    }

    /** The same page with its items and every token mapped. */
    public <R> Page<R> map(Function<T, R> item, UnaryOperator<String> token) {
        return new Page<>(items.stream().map(item).toList(), nextToken == null ? null : token.apply(nextToken),
                tokensAfter.stream().map(token).toList());
    }

    /**
     * The longest first part of the page whose items' sizes add up to at most {@code budget}, and never
     * less than one item; when items are left out, the next page starts right after the last one kept.
     */
    public Page<T> within(ToLongFunction<T> size, long budget) {
        long total = 0;
        int kept = 0;
        while (kept < items.size()) {
            total += size.applyAsLong(items.get(kept));
            if (total > budget && kept > 0) {
                break;
            }
            kept++;
        }
        if (kept == items.size()) {
            return this;
        }
        if (tokensAfter.isEmpty()) {
            throw new IllegalStateException("this page cannot be cut short: it has no token after each item");
        }
        return new Page<>(items.subList(0, kept), tokensAfter.get(kept - 1), tokensAfter.subList(0, kept));
    }
}
