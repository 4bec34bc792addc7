package smsplatform.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Who signed a request: the access key id in a Signature Version 4 credential. */
final class SigV4 {

    private SigV4() {}

    /**
     * From {@code Authorization: AWS4-HMAC-SHA256 Credential=KEY/date/region/service/aws4_request, …}
     * (or a bare {@code KEY/date/…} credential, as in X-Amz-Credential); null when absent.
     */
    static String accessKeyId(String authorizationOrCredential) {
        if (authorizationOrCredential == null) {
            return null;
        }
        String text = authorizationOrCredential;
        int credential = text.indexOf("Credential=");
        if (credential >= 0) {
            text = text.substring(credential + "Credential=".length());
        } else if (text.startsWith("AWS4-") || text.startsWith("AWS ")) {
            return null;
        }
        int slash = text.indexOf('/');
        return slash < 0 ? null : text.substring(0, slash).trim();
    }

    /** From a presigned URL's query ({@code X-Amz-Credential=KEY%2F20261130%2F…}); null when absent. */
    static String presignedAccessKeyId(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("X-Amz-Credential=")) {
                return accessKeyId(URLDecoder.decode(parameter.substring("X-Amz-Credential=".length()),
                        StandardCharsets.UTF_8));
            }
        }
        return null;
    }
}
