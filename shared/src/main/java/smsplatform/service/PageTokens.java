package smsplatform.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import smsplatform.domain.AccountId;
import smsplatform.domain.Failure;
import smsplatform.json.Json;

/**
 * The nextToken a client sees: the store's position in a listing, bound to the listing (route) and
 * the account it was handed to. A token that is not one of these, or was handed to another account or
 * for another listing, is 400 {@code InvalidParameterValue} on {@code nextToken}, the answer the stores
 * give to a position they did not write.
 *
 * <p>Tokens carry no signature: a position is no secret, the stores accept only positions of the shape
 * they write, and a position only says where a page of a listing the caller may read anyway starts. The
 * binding keeps a token to the listing and the account it came from.
 */
public final class PageTokens {

    /** {@code GET /v1/signatures}: one account's signatures. */
    public static final String SIGNATURES = "signatures";
    /** {@code GET /v1/templates}: one account's templates. */
    public static final String TEMPLATES = "templates";
    /** {@code GET /v1/reviews}: the reviewer queue (with {@code :<KIND>} when filtered by kind). */
    public static final String REVIEWS = "reviews";
    /** {@code GET /v1/callbacks/failures}: one account's callback events given up on. */
    public static final String CALLBACK_FAILURES = "callback-failures";

    private static final Set<String> FIELDS = Set.of("listing", "account", "position");

    private PageTokens() {}

    /** The token for the next page, or null when there is none. */
    public static String bind(String listing, AccountId accountId, String position) {
        if (position == null) {
            return null;
        }
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("listing", listing);
        token.put("account", accountId.value());
        token.put("position", position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(token).getBytes(StandardCharsets.UTF_8));
    }

    /** The store position a token handed to this account for this listing holds; null for no token. */
    public static String open(String listing, AccountId accountId, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        Map<String, Object> fields;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token))).toString();
            fields = Json.parseObject(text);
        } catch (CharacterCodingException | RuntimeException notAToken) {
            throw invalid();
        }
        if (!FIELDS.equals(fields.keySet()) || !listing.equals(fields.get("listing"))
                || !accountId.value().equals(fields.get("account"))
                || !(fields.get("position") instanceof String position) || position.isEmpty()) {
            throw invalid();
        }
        return position;
    }

    /** What every listing answers to a nextToken it did not hand out. */
    public static Failure invalid() {
        return Failure.invalidField("nextToken", "nextToken is not a token this API returned for this listing");
    }
}
