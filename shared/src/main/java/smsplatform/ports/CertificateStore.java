package smsplatform.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The private certificates bucket. Applicants upload through forms for keys the API chooses
 * ({@link #presignUpload}); the check reads each upload once, keeps the exact bytes it judged as
 * evidence under a key only the functions write ({@link #keepEvidence}), and deletes the upload.
 */
public interface CertificateStore {

    /** {@code method} PUT with {@code headers}, or POST with form {@code fields} that go before the file part. */
    record PresignedRequest(String url, String method, Map<String, String> headers, Map<String, String> fields,
                            Instant expiresAt) {}

    record StoredObject(String key, long size, String contentType) {}

    /** An upload of {@code 1..maxBytes} bytes to {@code key}; S3 refuses anything else. Null {@code contentType}: any. */
    PresignedRequest presignUpload(String key, String contentType, long maxBytes, Duration validFor);

    PresignedRequest presignDownload(String key, Duration validFor);

    Optional<StoredObject> head(String key);

    /** The object's bytes, or empty when it no longer exists. */
    Optional<byte[]> read(String key);

    /** Stores bytes the check judged, under a key no upload form can name. */
    void keepEvidence(String key, byte[] bytes, String contentType);

    void delete(String key);

    void deletePrefix(String prefix);
}
