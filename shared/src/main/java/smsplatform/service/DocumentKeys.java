package smsplatform.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smsplatform.domain.DocumentKind;

/**
 * Object keys of uploaded certificates: {@code certificates/<account>/<signature>/<KIND>/<upload id>}.
 * The server chooses every part; a key that does not parse back belongs to no signature.
 */
public final class DocumentKeys {

    private static final Pattern KEY = Pattern.compile(
            "certificates/([A-Za-z0-9_-]{1,64})/(sig-[0-9a-z]{26})/([A-Z_]{1,64})/(up-[0-9a-z]{26})");

    public record Parsed(String accountId, String signatureId, DocumentKind kind) {}

    private DocumentKeys() {}

    public static String prefix(String accountId, String signatureId) {
        return "certificates/" + accountId + "/" + signatureId + "/";
    }

    public static String newKey(String accountId, String signatureId, DocumentKind kind, String uploadId) {
        return prefix(accountId, signatureId) + kind.name() + "/" + uploadId;
    }

    public static Optional<Parsed> parse(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(m.group(1), m.group(2), DocumentKind.valueOf(m.group(3))));
        } catch (IllegalArgumentException unknownKind) {
            return Optional.empty();
        }
    }
}
