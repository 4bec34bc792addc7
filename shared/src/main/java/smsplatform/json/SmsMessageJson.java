package smsplatform.json;

import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.Receipt;
import smsplatform.domain.SmsMessage;

/** A message as the API shows it (DESIGN §4 and §11): listed by {@code GET /v1/sms}, in full by {@code GET /v1/sms/{serialNo}}. */
public final class SmsMessageJson {

    private SmsMessageJson() {}

    public static Map<String, Object> toListItem(SmsMessage m) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("serialNo", m.serialNo().value());
        item.put("phoneNumber", m.phoneNumber());
        item.put("sign", m.sign());
        item.put("templateId", m.templateId() == null ? null : m.templateId().value());
        item.put("text", m.text());
        item.put("fee", m.fee());
        item.put("status", m.status().name());
        item.put("receipt", receipt(m.receipt()));
        item.put("createdAt", m.createdAt().toString());
        return item;
    }

    /** The list item with the whole status history. */
    public static Map<String, Object> toDetail(SmsMessage m) {
        Map<String, Object> body = toListItem(m);
        body.put("statusHistory", m.statusHistory().stream().map(c -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", c.status().name());
            e.put("at", c.at().toString());
            if (c.detail() != null) {
                e.put("detail", c.detail());
            }
            return (Object) e;
        }).toList());
        return body;
    }

    /** The carrier's receipt; null until one came (also what a MESSAGE_STATUS callback carries). */
    public static Map<String, Object> receipt(Receipt r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("carrierStatus", r.carrierStatus());
        receipt.put("description", r.description());
        receipt.put("at", r.at().toString());
        return receipt;
    }
}
