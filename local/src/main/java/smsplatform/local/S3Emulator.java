package smsplatform.local;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3: S3Proxy embedded over a filesystem store under {@code dir}, verifying SigV4 (presigned URLs
 * included). S3Proxy has no bucket notifications, so the store is wrapped to report every object
 * creation, as S3 would send {@code ObjectCreated:*}.
 */
final class S3Emulator implements AutoCloseable {

    static final String ACCESS_KEY = "sms-local";
    static final String SECRET_KEY = "sms-local-secret";

    /** One created object, as an S3 event record describes it. */
    record ObjectCreated(String eventName, String bucket, String key, long size, String eTag, String sequencer) {}

    private final S3Proxy proxy;
    private final URI endpoint;

    static {
        EmulatorLogging.configure();
    }

    private S3Emulator(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    static S3Emulator start(Path dir, Consumer<ObjectCreated> listener) throws Exception {
        return start(dir, listener, null);
    }

    /**
     * With {@code iam}, each function signs with its own access key id (same secret) and sees the store
     * through its policy ({@link EnforcingBlobStore}); the runtime's own key sees it whole.
     */
    static S3Emulator start(Path dir, Consumer<ObjectCreated> listener, IamEnforcement iam) throws Exception {
        return start(dir, listener, iam, CrossOriginResourceSharing.disabled());
    }

    /** {@code cors}: the template's bucket CORS rule ({@link BucketCors}). */
    static S3Emulator start(Path dir, Consumer<ObjectCreated> listener, IamEnforcement iam,
                            CrossOriginResourceSharing cors) throws Exception {
        Files.createDirectories(dir);
        BlobStore store = new NotifyingBlobStore(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()), listener);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .corsRules(cors)
                .build();
        if (iam != null) {
            Map<String, BlobStore> functionStores = new ConcurrentHashMap<>();
            proxy.setBlobStoreLocator((identity, container, blob) -> {
                if (ACCESS_KEY.equals(identity)) {
                    return new AccessGrant(SECRET_KEY, store);
                }
                String function = iam.function(identity);
                return function == null ? null : new AccessGrant(SECRET_KEY,
                        functionStores.computeIfAbsent(function, f -> new EnforcingBlobStore(store, iam, f)));
            });
        }
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return new S3Emulator(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    private static final class NotifyingBlobStore extends ForwardingBlobStore {
        /** S3 sequencers grow with time for one key; time-based, so they keep growing across restarts. */
        private static final AtomicLong LAST = new AtomicLong();

        private final Consumer<ObjectCreated> listener;

        NotifyingBlobStore(BlobStore delegate, Consumer<ObjectCreated> listener) {
            super(delegate);
            this.listener = listener;
        }

        @Override
        public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
            PutObjectResponse response = super.putBlob(request, input);
            notify("ObjectCreated:Put", request.bucket(), request.key());
            return response;
        }

        @Override
        public CopyObjectResponse copyBlob(CopyObjectRequest request) {
            CopyObjectResponse response = super.copyBlob(request);
            notify("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey());
            return response;
        }

        @Override
        public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                       CompleteMultipartUploadRequest request) {
            CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
            notify("ObjectCreated:CompleteMultipartUpload", request.bucket(), request.key());
            return response;
        }

        private void notify(String eventName, String bucket, String key) {
            HeadObjectResponse head = blobMetadata(bucket, key);
            long now = System.currentTimeMillis() * 1000;
            long sequence = LAST.updateAndGet(last -> Math.max(last + 1, now));
            listener.accept(new ObjectCreated(eventName, bucket, key, head.contentLength(),
                    head.eTag() == null ? "" : head.eTag().replace("\"", ""), String.format("%016X", sequence)));
        }
    }
}
