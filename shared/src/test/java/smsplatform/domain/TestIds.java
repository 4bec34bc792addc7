package smsplatform.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Well-formed ids named after a test's label: the same label gives the same id, another label another id. */
public final class TestIds {

    private TestIds() {}

    public static SignatureId signature(String label) {
        return new SignatureId(raw(SignatureId.PREFIX, label));
    }

    public static TemplateId template(String label) {
        return new TemplateId(raw(TemplateId.PREFIX, label));
    }

    public static SerialNo serial(String label) {
        return new SerialNo(raw(SerialNo.PREFIX, label));
    }

    /** Hexadecimal digits are all in the ids' alphabet. */
    private static String raw(String prefix, String label) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest).substring(0, 26);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
