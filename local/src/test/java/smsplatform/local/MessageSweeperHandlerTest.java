package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage.Status;
import smsplatform.domain.SmsMessage.StatusChange;
import smsplatform.domain.SmsMessage;
import smsplatform.json.Json;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The sweeper's handler as Lambda runs it: its deployment artifact in a JVM of its own, constructed from
 * the environment template.yaml gives it, a Scheduled Event through Lambda's serializers, the real SDK
 * against the emulators (a table and outbound queue of its own).
 */
@ResourceLock(AwsBackend.LOCK)
class MessageSweeperHandlerTest {

    @TempDir
    Path logs;

    @Test
    void onItsScheduleTheHandlerQueuesAgainAMessageLeftQueuedAndPublishesTheEventASettledOneNeverHad() throws Exception {
        AwsBackend backend = AwsBackend.selected();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String table = backend.freshTable("sweeper-handler-" + id);
        String queue = backend.sqs.createQueue(b -> b.queueName("sweeper-handler-outbound-" + id)).queueUrl();
        String callbacks = backend.sqs.createQueue(b -> b.queueName("sweeper-handler-callbacks-" + id)).queueUrl();
        DynamoMessageStore messages = new DynamoMessageStore(backend.dynamo, table);
        Instant recorded = Instant.now().minus(Duration.ofMinutes(6));
        messages.recordQueued(List.of(message(TestSerials.of("stranded"), recorded), message(TestSerials.of("done"), recorded)), false);
        messages.transition(new AccountId("acme"), TestSerials.of("done"), Status.QUEUED, new StatusChange(Status.SENT, recorded, null));
        messages.transition(new AccountId("acme"), TestSerials.of("done"), Status.SENT, new StatusChange(Status.DELIVERED, recorded, "ok"));

        LocalFunction sweeper = backend.plan.function("MessageSweeperFunction");
        Map<String, String> environment = new LinkedHashMap<>(FunctionPool.environment(sweeper, backend.endpoints));
        assertThat(environment).containsEntry("SWEEP_QUEUED_AFTER_SECONDS", "300").containsEntry("SWEEP_SENT_AFTER_SECONDS", "1200");
        environment.put("TABLE_NAME", table);
        environment.put("OUTBOUND_QUEUE_URL", queue);
        environment.put("CALLBACK_QUEUE_URL", callbacks);
        String event = Json.write(ScheduleEventSource.scheduledEvent(sweeper.schedules().get(0), Instant.now()));
        try (FunctionProcess process = new FunctionProcess(sweeper, environment, logs.resolve("sweeper.log"))) {
            FunctionProcess.Result result = process.invoke(event);
            assertThat(result.functionError()).as(result.payload()).isFalse();
            assertThat(Json.parseObject(result.payload())).isEqualTo(Map.of("requeued", 1, "failed", 0, "waiting", 0, "withoutReceipt", 0,
                    "announced", 1));
        }

        List<Message> queued = backend.sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(queued).hasSize(1);
        Map<String, Object> body = new LinkedHashMap<>(Json.parseObject(queued.get(0).body()));
        // The re-queued delivery carries the sweep's request id: its delivery lines lead back to this sweep.
        Object requestId = body.remove("requestId");
        assertThat(body).isEqualTo(Map.of("accountId", "acme", "serialNo", TestSerials.of("stranded").value()));
        assertThat(Files.readAllLines(logs.resolve("sweeper.log"))).anyMatch(l ->
                l.contains("\"event\":\"sweep.done\"") && l.contains("\"requestId\":\"" + requestId + "\""));
        assertThat(messages.find(new AccountId("acme"), TestSerials.of("stranded")).orElseThrow().statusHistory()).extracting(StatusChange::detail)
                .containsExactly(null, "re-queued by the sweeper: not handed to the carrier within 5 minutes");
        assertThat(messages.find(new AccountId("acme"), TestSerials.of("done")).orElseThrow().status()).isEqualTo(Status.DELIVERED);
        // sms-done was settled by a write whose function stopped before publishing: the sweep published its event.
        List<Message> events = backend.sqs.receiveMessage(b -> b.queueUrl(callbacks).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(events).singleElement().satisfies(e -> assertThat(Json.parseObject(e.body()))
                .containsEntry("eventId", "msg_" + TestSerials.of("done") + "_DELIVERED").containsEntry("type", "MESSAGE_STATUS"));
        assertThat(messages.unannounced(Instant.now(), 10)).isEmpty();
    }

    static SmsMessage message(SerialNo serialNo, Instant at) {
        return new SmsMessage(new AccountId("acme"), serialNo, "+8613800138000", "Acme", null, "【Acme】hi", 1, Status.QUEUED,
                List.of(new StatusChange(Status.QUEUED, at, null)), at);
    }
}
