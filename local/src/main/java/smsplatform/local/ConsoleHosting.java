package smsplatform.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console is served with, here and on AWS: its Content-Security-Policy (the gateway's, and the template's
 * ConsoleHeadersPolicy with AWS's hosts) and its config.json (the gateway's, and the template's ConsoleConfig output).
 */
final class ConsoleHosting {

    private ConsoleHosting() {}

    /**
     * Scripts, styles and workers from the console's own files only; {@code imageSources}: where previewed images
     * come from besides; {@code connectSources}: what the console may fetch besides its own files.
     */
    static String contentSecurityPolicy(List<String> imageSources, List<String> connectSources) {
        return "default-src 'self'; img-src 'self' blob: data: " + String.join(" ", imageSources)
                + "; connect-src 'self' " + String.join(" ", connectSources) + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** config.json: the client id (the JWT audience), the API's base URL and the issuer's discovery document. */
    static Map<String, String> config(String clientId, String api, String discovery) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("clientId", clientId);
        config.put("api", api);
        config.put("discovery", discovery);
        return config;
    }
}
