package smsplatform.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.Failure;
import smsplatform.service.PageTokens;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers for DynamoDB attribute values and opaque page tokens. */
final class Items {

    private Items() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static String account(AccountId accountId) {
        return "ACCOUNT#" + accountId;
    }

    /** The account of a partition key written by {@link #account}. */
    static AccountId accountOf(String pk) {
        return parseAccount(pk).orElseThrow(() -> new IllegalArgumentException("Not an account key: " + pk));
    }

    /** The account a partition key names, or empty when it is not one {@link #account} writes. */
    static Optional<AccountId> parseAccount(String pk) {
        return pk.startsWith("ACCOUNT#") ? AccountId.parse(pk.substring("ACCOUNT#".length())) : Optional.empty();
    }

    static String encodeToken(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
    }

    static Failure invalidToken() {
        return PageTokens.invalid();
    }
}
