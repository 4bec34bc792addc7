package smsplatform.json;

import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.SmsMessage;

/** A message as {@code GET /v1/sms} lists it (DESIGN §11 Pulls): what was sent, to whom, and where it stands. */
public final class SmsMessageJson {

    private SmsMessageJson() {}

    public static Map<String, Object> toListItem(SmsMessage m) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("serialNo", m.serialNo());
        item.put("phoneNumber", m.phoneNumber());
        item.put("sign", m.sign());
        item.put("templateId", m.templateId());
        item.put("text", m.text());
        item.put("fee", m.fee());
        item.put("status", m.status().name());
        item.put("createdAt", m.createdAt().toString());
        return item;
    }
}
