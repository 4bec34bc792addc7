package smsplatform.domain;

import java.time.Instant;

/**
 * One uploaded certificate as the check judged it. {@code sequencer} orders uploads of the same kind
 * (S3's event sequencer), so an older upload's late event never replaces a newer one.
 */
public record SignatureDocument(
        DocumentKind kind,
        boolean valid,
        String contentType,
        long size,
        String sha256,
        Instant uploadedAt,
        DocumentProblem problem,
        String objectKey,
        String sequencer) {

    public String status() {
        return valid ? "VALID" : "INVALID";
    }
}
