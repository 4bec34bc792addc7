package smsplatform.functions.certificates;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.log.Log;
import smsplatform.service.CertificateCheckService;

/**
 * S3 {@code ObjectCreated} on the certificates bucket. Records are checked independently; if any
 * fails, the invocation fails after the others were done, so S3's asynchronous retry redoes only
 * work that is idempotent anyway.
 */
public final class CertificateCheckHandler implements RequestHandler<S3Event, String> {

    private final CertificateCheckService check;
    private final String bucket;

    public CertificateCheckHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    private CertificateCheckHandler(FunctionEnvironment env) {
        this(CertificateWiring.check(env), env.certificatesBucket());
    }

    public CertificateCheckHandler(CertificateCheckService check, String bucket) {
        this.check = check;
        this.bucket = bucket;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        int failed = 0;
        int checked = 0;
        for (S3EventNotificationRecord record : event.getRecords()) {
            Log.begin("certificate-check", context == null ? "local" : context.getAwsRequestId());
            String key = record.getS3().getObject().getKey();
            try {
                key = decode(key);
                if (!bucket.equals(record.getS3().getBucket().getName())) {
                    Log.warn("certificate.ignored", "reason", "event from another bucket",
                            "bucket", record.getS3().getBucket().getName());
                    continue;
                }
                check.check(key, record.getS3().getObject().getSequencer());
                checked++;
            } catch (RuntimeException e) {
                failed++;
                Log.error("certificate.failed", e, "key", key);
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + event.getRecords().size() + " records failed");
        }
        return "checked " + checked;
    }

    /** S3 sends keys URL-encoded, with spaces as '+'. */
    static String decode(String key) {
        return URLDecoder.decode(key, StandardCharsets.UTF_8);
    }
}
