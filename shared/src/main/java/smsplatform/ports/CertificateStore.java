package smsplatform.ports;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The private certificates bucket: presigned uploads in, checked reads out. */
public interface CertificateStore {

    record PresignedRequest(String url, String method, Map<String, String> headers, Instant expiresAt) {}

    record StoredObject(String key, long size, String contentType) {}

    PresignedRequest presignUpload(String key, String contentType, Duration validFor);

    PresignedRequest presignDownload(String key, Duration validFor);

    Optional<StoredObject> head(String key);

    /** Opens the object's bytes; the caller closes the stream. */
    InputStream open(String key);

    void deletePrefix(String prefix);
}
