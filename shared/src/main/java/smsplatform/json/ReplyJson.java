package smsplatform.json;

import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.OptOut;
import smsplatform.domain.Reply;

/** A reply as {@code GET /v1/replies} lists it and a REPLY event carries it; an opt-out as {@code /v1/opt-outs} shows it. */
public final class ReplyJson {

    private ReplyJson() {}

    public static Map<String, Object> toApi(Reply reply) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replyId", reply.replyId());
        m.put("phoneNumber", reply.phoneNumber());
        m.put("text", reply.text());
        m.put("receivedAt", reply.receivedAt().toString());
        m.put("serialNo", reply.serialNo());
        if (reply.keyword() != null) {
            m.put("keyword", reply.keyword().name());
        }
        return m;
    }

    public static Map<String, Object> toApi(OptOut optOut) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phoneNumber", optOut.phoneNumber());
        m.put("optedOutAt", optOut.at().toString());
        m.put("source", optOut.source().name());
        return m;
    }
}
