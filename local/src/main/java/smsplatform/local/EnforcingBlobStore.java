package smsplatform.local;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import smsplatform.local.iam.AwsCall;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The S3 store as one function sees it. S3Proxy has verified the signature (header, presigned URL or
 * POST form) and located this store by the signer's access key id; each operation is then authorized
 * as S3 does: GetObject also for HEAD, ListBucket for listing (with s3:prefix), DeleteObject for each
 * key of a multi-object delete, PutObject for uploads, copies and multipart parts. As on S3, reading a
 * missing key without s3:ListBucket on the bucket is AccessDenied rather than NoSuchKey.
 */
final class EnforcingBlobStore extends ForwardingBlobStore {

    private final IamEnforcement iam;
    private final String function;

    EnforcingBlobStore(BlobStore delegate, IamEnforcement iam, String function) {
        super(delegate);
        this.iam = iam;
        this.function = function;
    }

    private void authorize(String action, String resource, Map<String, String> context) {
        IamEnforcement.Refusal refusal = iam.check(function, List.of(new AwsCall(action, resource, context)), true);
        if (refusal != null) {
            throw new S3ProxyException(S3ErrorCode.ACCESS_DENIED, refusal.message());
        }
    }

    private void authorize(String action, String resource) {
        authorize(action, resource, Map.of());
    }

    private static String bucket(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    private static String object(String bucket, String key) {
        return "arn:aws:s3:::" + bucket + "/" + key;
    }

    /** S3 hides whether a key exists from a caller that may not list the bucket. */
    private <T> T readingMissingKey(String bucket, Supplier<T> read) {
        try {
            return read.get();
        } catch (NoSuchKeyException e) {
            authorize("s3:ListBucket", bucket(bucket));
            throw e;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !(e instanceof S3ProxyException)) {
                authorize("s3:ListBucket", bucket(bucket));
            }
            throw e;
        }
    }

    @Override
    public ListBucketsResponse list() {
        authorize("s3:ListAllMyBuckets", "*");
        return super.list();
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        authorize("s3:ListBucket", bucket(request.bucket()),
                request.prefix() == null ? Map.of() : Map.of("s3:prefix", request.prefix()));
        return super.list(request);
    }

    @Override
    public ListObjectVersionsResponse listVersions(ListObjectVersionsRequest request) {
        authorize("s3:ListBucketVersions", bucket(request.bucket()));
        return super.listVersions(request);
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        authorize("s3:ListBucket", bucket(request.bucket()));
        return super.headBucket(request);
    }

    @Override
    public CreateBucketResponse createContainer(CreateBucketRequest request) {
        authorize("s3:CreateBucket", bucket(request.bucket()));
        return super.createContainer(request);
    }

    @Override
    public void deleteContainer(String container) {
        authorize("s3:DeleteBucket", bucket(container));
        super.deleteContainer(container);
    }

    @Override
    public void deleteBucket(String container) {
        authorize("s3:DeleteBucket", bucket(container));
        super.deleteBucket(container);
    }

    @Override
    public void clearContainer(ListObjectsV2Request request) {
        authorize("s3:DeleteObject", object(request.bucket(), "*"));
        super.clearContainer(request);
    }

    @Override
    public boolean blobExists(String container, String key) {
        authorize("s3:GetObject", object(container, key));
        return super.blobExists(container, key);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        authorize("s3:GetObject", object(request.bucket(), request.key()));
        return readingMissingKey(request.bucket(), () -> super.blobMetadata(request));
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        authorize("s3:GetObject", object(request.bucket(), request.key()));
        return readingMissingKey(request.bucket(), () -> super.getBlob(request));
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        authorize("s3:PutObject", object(request.bucket(), request.key()));
        return super.putBlob(request, input);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        authorize("s3:GetObject", object(request.sourceBucket(), request.sourceKey()));
        authorize("s3:PutObject", object(request.destinationBucket(), request.destinationKey()));
        return super.copyBlob(request);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        authorize("s3:DeleteObject", object(request.bucket(), request.key()));
        return super.removeBlob(request);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        authorize("s3:PutObject", object(request.bucket(), request.key()));
        return super.initiateMultipartUpload(request);
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request, InputStream input) {
        authorize("s3:PutObject", object(request.bucket(), request.key()));
        return super.uploadMultipartPart(upload, request, input);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        authorize("s3:PutObject", object(request.bucket(), request.key()));
        return super.completeMultipartUpload(upload, request);
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        authorize("s3:AbortMultipartUpload", object(upload.containerName(), upload.blobName()));
        super.abortMultipartUpload(upload);
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String container) {
        authorize("s3:ListBucketMultipartUploads", bucket(container));
        return super.listMultipartUploads(container);
    }
}
