package smsplatform.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import smsplatform.ports.CertificateStore;
import smsplatform.support.Lazy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

public final class S3CertificateStore implements CertificateStore {

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final Supplier<S3PostPolicy> forms;
    private final String bucket;

    /** Clients from suppliers, e.g. {@link Lazy}: each is built when first needed. */
    public S3CertificateStore(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, Supplier<S3PostPolicy> forms,
                              String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.forms = forms;
        this.bucket = bucket;
    }

    @Override
    public PresignedRequest presignUpload(String key, String contentType, long maxBytes, Duration validFor) {
        S3PostPolicy.Form form = forms.get().form(key, contentType, 1, maxBytes, Instant.now(), validFor);
        return new PresignedRequest(form.url(), "POST", Map.of(), form.fields(), form.expiresAt());
    }

    @Override
    public PresignedRequest presignDownload(String key, Duration validFor) {
        PresignedGetObjectRequest signed = presigner.get().presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(o -> o.bucket(bucket).key(key)));
        return new PresignedRequest(signed.url().toString(), "GET", Map.of(), Map.of(), signed.expiration());
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
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void keepEvidence(String key, byte[] bytes, String contentType) {
        s3.get().putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    @Override
    public void delete(String key) {
        s3.get().deleteObject(b -> b.bucket(bucket).key(key));
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
