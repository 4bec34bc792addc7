package smsplatform.json;

import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.OptOut;

/** An opt-out as {@code /v1/opt-outs} shows it. */
public final class OptOutJson {

    private OptOutJson() {}

    public static Map<String, Object> toApi(OptOut optOut) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phoneNumber", optOut.phoneNumber());
        m.put("optedOutAt", optOut.at().toString());
        m.put("source", optOut.source().name());
        return m;
    }
}
