package smsplatform.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.log.Log;
import smsplatform.log.LogTest;

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

    @Test
    void aSecondMessageOnTheSameThreadCarriesNoneOfTheFirstOnesContext() {
        // A batch of one is handled on the calling thread (Parallel.map runs a single item inline), as a pool
        // thread handles one message, then other work.
        QueueBatch.processConcurrently("test", batch(message("m-1", "{\"requestId\": \"req-first\"}")), null,
                m -> Log.context("accountId", "acme-first"));
        assertThat(Log.requestId()).as("nothing of the first message is left on the thread").isNull();

        Map<String, Object> line = LogTest.captured(() -> QueueBatch.processConcurrently("test",
                batch(message("m-2", "not JSON")), null, m -> Log.info("second.handled")));
        assertThat(line).containsEntry("requestId", "m-2").containsEntry("messageId", "m-2")
                .doesNotContainKey("accountId");
    }

    static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }
}
