package smsplatform.local.iam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One condition of a statement: an operator applied to one condition key and its values (any value
 * may match). The string, ARN, Bool and Null operators are evaluated, with their {@code IfExists}
 * forms; any other operator is refused when the policy is read, so nothing is silently misjudged.
 * A key absent from the request fails a positive operator and satisfies a negated one, as in IAM.
 * {@code ForAnyValue:} is accepted on the positive operators: with the single value a local request
 * carries for a key, it holds exactly when the plain operator does (and fails when the key is absent).
 */
public record Condition(String operator, String key, List<String> values) {

    private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals", "ArnNotEquals", "ArnLike",
            "ArnNotLike", "Bool", "Null");

    public Condition {
        if (!OPERATORS.contains(base(operator))) {
            throw new IllegalArgumentException("Condition operator " + operator + " is not evaluated by sms-local");
        }
        values = List.copyOf(values);
    }

    private static String base(String operator) {
        if (operator.startsWith("ForAnyValue:") && !operator.contains("Not") && !operator.startsWith("ForAnyValue:Null")) {
            return base(operator.substring("ForAnyValue:".length()));
        }
        return operator.endsWith("IfExists") ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
    }

    boolean holds(Map<String, String> context) {
        String op = base(operator);
        String actual = context.get(key);
        if (op.equals("Null")) {
            return values.stream().anyMatch(v -> Boolean.parseBoolean(v) == (actual == null));
        }
        boolean negated = op.contains("Not");
        if (actual == null) {
            return !operator.startsWith("ForAnyValue:") && (operator.endsWith("IfExists") || negated);
        }
        boolean any = values.stream().anyMatch(v -> switch (op) {
            case "StringEquals", "StringNotEquals", "ArnEquals", "ArnNotEquals" ->
                    op.startsWith("Arn") ? Wildcard.matches(v, actual, false) : v.equals(actual);
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> v.equalsIgnoreCase(actual);
            case "Bool" -> v.equalsIgnoreCase(actual);
            default -> Wildcard.matches(v, actual, false); // StringLike, StringNotLike, ArnLike, ArnNotLike
        });
        return negated != any;
    }
}
