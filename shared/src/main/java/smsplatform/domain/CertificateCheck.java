package smsplatform.domain;

import java.util.Arrays;
import java.util.Locale;

/** DESIGN §5.5: a document is VALID when it is a JPEG, PNG or PDF by magic number, matching its declared type, 1 byte–5 MiB. */
public final class CertificateCheck {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Bytes needed to recognise every accepted format. */
    public static final int MAGIC_BYTES = 8;

    public enum Format {
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

        private final String contentType;
        private final byte[] magic;

        Format(String contentType, byte[] magic) {
            this.contentType = contentType;
            this.magic = magic;
        }

        public String contentType() {
            return contentType;
        }

        boolean matches(byte[] head) {
            return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
        }
    }

    private CertificateCheck() {}

    /** The problem a document of this size has before its bytes are read, or null. */
    public static DocumentProblem bySize(long size) {
        if (size == 0) return DocumentProblem.EmptyDocument;
        if (size > MAX_BYTES) return DocumentProblem.DocumentTooLarge;
        return null;
    }

    /** The problem with these leading bytes and declared content type, or null when the document is valid. */
    public static DocumentProblem byContent(byte[] head, String declaredContentType) {
        Format format = Arrays.stream(Format.values()).filter(f -> f.matches(head)).findFirst().orElse(null);
        if (format == null) {
            return DocumentProblem.UnsupportedDocumentFormat;
        }
        String declared = declaredContentType == null ? "" : declaredContentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean agrees = declared.equals(format.contentType()) || (format == Format.JPEG && declared.equals("image/jpg"));
        return agrees ? null : DocumentProblem.ContentTypeMismatch;
    }
}
