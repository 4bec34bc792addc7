package smsplatform.domain;

import smsplatform.support.Digests;

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
        return prefix + Digests.sha256Hex(label).substring(0, 26);
    }
}
