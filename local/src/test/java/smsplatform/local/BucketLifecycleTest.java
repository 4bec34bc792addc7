package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.core.sync.RequestBody;

/** The local stack expires objects as the template's lifecycle rules say, on the emulated S3. */
@ResourceLock(AwsBackend.LOCK)
class BucketLifecycleTest {

    @Test
    void uploadsNoCheckConsumedExpireAfterADayAndEvidenceNever() throws Exception {
        AwsBackend backend = AwsBackend.selected();
        BucketLifecycle lifecycle = new BucketLifecycle(backend.plan, backend.s3);
        assertThat(BucketLifecycle.rules(backend.plan))
                .containsExactly(new BucketLifecycle.Expiration(backend.bucket(), "certificates/", 1));
        String upload = "certificates/lifecycle/sig-x/BUSINESS_LICENSE/up-orphan";
        String evidence = "evidence/lifecycle/sig-x/BUSINESS_LICENSE/up-kept/abc";
        for (String key : new String[] {upload, evidence}) {
            backend.s3.putObject(b -> b.bucket(backend.bucket()).key(key), RequestBody.fromString("%PDF-"));
        }

        assertThat(lifecycle.expire(Instant.now().plus(Duration.ofHours(23)))).doesNotContain(upload, evidence);
        assertThat(lifecycle.expire(Instant.now().plus(Duration.ofHours(25)))).contains(upload).doesNotContain(evidence);
        assertThat(backend.s3.listObjectsV2(b -> b.bucket(backend.bucket()).prefix("certificates/lifecycle/"))
                .contents()).isEmpty();
        assertThat(backend.s3.listObjectsV2(b -> b.bucket(backend.bucket()).prefix("evidence/lifecycle/"))
                .contents()).hasSize(1);
    }
}
