package smsplatform.json;

import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.domain.Reply;

/** A reply as {@code GET /v1/replies} lists it and a REPLY event carries it. */
public final class ReplyJson {

    private ReplyJson() {}

    public static Map<String, Object> toApi(Reply reply) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replyId", reply.replyId());
        m.put("phoneNumber", reply.phoneNumber());
        m.put("text", reply.text());
        m.put("receivedAt", reply.receivedAt().toString());
        m.put("serialNo", reply.serialNo().value());
        if (reply.keyword() != null) {
            m.put("keyword", reply.keyword().name());
        }
        return m;
    }
}
