package smsplatform.aws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import smsplatform.json.Json;
import smsplatform.support.Digests;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A browser-based upload form for one object key (S3 POST Object with a Signature Version 4 POST
 * policy). S3 itself enforces what the policy says: the exact bucket and key, the content type,
 * and the size through {@code content-length-range}, so an upload over the limit is refused before
 * it is stored. The policy (UTF-8 JSON, Base64) is the string to sign; the signature is the hex
 * HMAC-SHA256 of it under the usual SigV4 signing key. See "Authenticating Requests: Browser-Based
 * Uploads Using POST (AWS Signature Version 4)" and "Creating a POST Policy" in the Amazon S3 API
 * Reference (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html,
 * sigv4-HTTPPOSTConstructPolicy.html).
 */
public final class S3PostPolicy {

    public record Form(String url, Map<String, String> fields, Instant expiresAt) {}

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Supplier<AwsCredentials> credentials;
    private final String region;
    private final String bucket;
    private final String url;

    /** {@code url}: where forms for {@code bucket} are posted (virtual-hosted, or path-style on an emulator). */
    public S3PostPolicy(Supplier<AwsCredentials> credentials, String region, String bucket, String url) {
        this.credentials = credentials;
        this.region = region;
        this.bucket = bucket;
        this.url = url;
    }

    public Form form(String key, String contentType, long minBytes, long maxBytes, Instant now, Duration validFor) {
        Form form = sign(credentials.get(), region, bucket, key, contentType, minBytes, maxBytes, now, now.plus(validFor));
        return new Form(url, form.fields(), form.expiresAt());
    }

    /**
     * The form fields for uploading one object of {@code minBytes}–{@code maxBytes} to {@code key};
     * {@code contentType} fixes the declared type, or null lets the uploader declare any.
     */
    public static Form sign(AwsCredentials credentials, String region, String bucket, String key, String contentType,
                            long minBytes, long maxBytes, Instant now, Instant expiresAt) {
        String credential = credentials.accessKeyId() + "/" + DAY.format(now) + "/" + region + "/s3/aws4_request";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        if (contentType != null) {
            fields.put("Content-Type", contentType);
        }
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", TIME.format(now));
        if (credentials instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
        }

        List<Object> conditions = new ArrayList<>();
        conditions.add(Map.of("bucket", bucket));
        fields.forEach((name, value) -> conditions.add(Map.of(name, value)));
        if (contentType == null) {
            conditions.add(List.of("starts-with", "$Content-Type", ""));
        }
        conditions.add(List.of("content-length-range", minBytes, maxBytes));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("expiration", expiresAt.truncatedTo(ChronoUnit.MILLIS).toString());
        document.put("conditions", conditions);
        String policy = Base64.getEncoder().encodeToString(Json.write(document).getBytes(StandardCharsets.UTF_8));

        byte[] signingKey = Digests.hmacSha256(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), DAY.format(now));
        for (String scope : List.of(region, "s3", "aws4_request")) {
            signingKey = Digests.hmacSha256(signingKey, scope);
        }
        fields.put("policy", policy);
        fields.put("x-amz-signature", HexFormat.of().formatHex(Digests.hmacSha256(signingKey, policy)));
        return new Form(null, fields, expiresAt);
    }
}
