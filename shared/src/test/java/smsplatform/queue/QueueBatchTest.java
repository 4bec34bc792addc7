package smsplatform.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import smsplatform.log.Log;

class QueueBatchTest {

    static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    @Test
    void eachMessageIsHandledUnderTheRequestIdItCarriesElseUnderItsOwnId() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-1", "{\"serialNo\": \"sms-1\", \"requestId\": \"req-from-api\"}"),
                message("m-2", "{\"serialNo\": \"sms-2\"}"),
                message("m-3", "not JSON"),
                message("m-4", "{\"requestId\": \"bad id with spaces\"}")));
        List<String> seen = new ArrayList<>();
        QueueBatch.process("test", event, null, m -> seen.add(Log.requestId()));
        assertThat(seen).containsExactly("req-from-api", "m-2", "m-3", "m-4");
    }
}
