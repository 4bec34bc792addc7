package smsplatform.json;

import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.SendStatus;

/** One entry of the {@code sendStatuses} that {@code POST /v1/sms/send} answers (DESIGN §4). */
public final class SendStatusJson {

    private SendStatusJson() {}

    public static Map<String, Object> toApi(SendStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serialNo", s.serialNo() == null ? "" : s.serialNo().value());
        m.put("phoneNumber", s.phoneNumber());
        m.put("code", s.code());
        m.put("message", s.message());
        m.put("fee", s.fee());
        m.put("isoCode", s.isoCode());
        m.put("sessionContext", s.sessionContext() == null ? "" : s.sessionContext());
        return m;
    }
}
