package smsplatform.aws;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smsplatform.ports.CertificateStore;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

public final class S3CertificateStore implements CertificateStore {

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    public S3CertificateStore(S3Client s3, S3Presigner presigner, String bucket) {
        this(() -> s3, () -> presigner, bucket);
    }

    /** Clients from suppliers, e.g. {@link Lazy}: each is built when first needed. */
    public S3CertificateStore(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public PresignedRequest presignUpload(String key, String contentType, Duration validFor) {
        PresignedPutObjectRequest signed = presigner.get().presignPutObject(p -> p.signatureDuration(validFor)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType)));
        return new PresignedRequest(signed.url().toString(), "PUT", headers(signed.signedHeaders()), signed.expiration());
    }

    @Override
    public PresignedRequest presignDownload(String key, Duration validFor) {
        PresignedGetObjectRequest signed = presigner.get().presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(o -> o.bucket(bucket).key(key)));
        return new PresignedRequest(signed.url().toString(), "GET", Map.of(), signed.expiration());
    }

    /** The headers the uploader must send as signed, less {@code host}, which every client sets itself. */
    private static Map<String, String> headers(Map<String, List<String>> signed) {
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }

    @Override
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.get().headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new StoredObject(key, head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) {
        return s3.get().getObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void deletePrefix(String prefix) {
        for (var page : s3.get().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
            List<ObjectIdentifier> ids = page.contents().stream().map(S3Object::key)
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            if (!ids.isEmpty()) {
                s3.get().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
            }
        }
    }
}
