package smsplatform.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} string (a query, a form body) as its decoded name-value pairs. */
final class FormEncoded {

    private FormEncoded() {}

    /** In order, repeats kept; a name without '=' has the value "". A malformed escape throws IllegalArgumentException. */
    static List<Map.Entry<String, String>> pairs(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            pairs.add(new SimpleEntry<>(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
        }
        return pairs;
    }
}
