package smsplatform.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smsplatform.domain.AccountId;
import smsplatform.domain.DocumentKind;
import smsplatform.domain.SignatureId;

/**
 * Object keys of the certificates bucket. Uploads: {@code certificates/<account>/<signature>/<KIND>/<upload id>},
 * each form names one; the server chooses every part, and a key that does not parse back belongs to no
 * signature. Evidence: {@code evidence/<account>/<signature>/<KIND>/<upload id>/<sha256>}, the bytes a check
 * judged, written only by the certificate check; the digest in the key makes it content-addressed, so
 * whatever writes it can only ever write those same bytes.
 */
public final class DocumentKeys {

    private static final Pattern KEY = Pattern.compile(
            "certificates/([^/]+)/(sig-[0-9a-z]{26})/([A-Z_]{1,64})/(up-[0-9a-z]{26})");

    public record Parsed(AccountId accountId, SignatureId signatureId, DocumentKind kind, String uploadId) {
        public String evidenceKey(String sha256) {
            return evidencePrefix(accountId, signatureId) + kind.name() + "/" + uploadId + "/" + sha256;
        }
    }

    private DocumentKeys() {}

    public static String prefix(AccountId accountId, SignatureId signatureId) {
        return "certificates/" + accountId + "/" + signatureId + "/";
    }

    public static String evidencePrefix(AccountId accountId, SignatureId signatureId) {
        return "evidence/" + accountId + "/" + signatureId + "/";
    }

    public static String newKey(AccountId accountId, SignatureId signatureId, DocumentKind kind, String uploadId) {
        return prefix(accountId, signatureId) + kind.name() + "/" + uploadId;
    }

    public static Optional<Parsed> parse(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<AccountId> accountId = AccountId.parse(m.group(1));
        Optional<SignatureId> signatureId = SignatureId.parse(m.group(2));
        if (accountId.isEmpty() || signatureId.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(accountId.get(), signatureId.get(), DocumentKind.valueOf(m.group(3)), m.group(4)));
        } catch (IllegalArgumentException unknownKind) {
            return Optional.empty();
        }
    }
}
