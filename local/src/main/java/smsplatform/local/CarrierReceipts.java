package smsplatform.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import smsplatform.carrier.SnsDeliveryLog;
import smsplatform.json.Json;

/**
 * The local carrier's delivery receipts, sent as production's arrive: a record in the SNS SMS delivery-status
 * format, written to SNS's log group (successes, or its {@code /Failure} group), reaches the function that
 * the template's {@code AWS::Logs::SubscriptionFilter} subscribes to that group, as a CloudWatch Logs
 * subscription event ({@code awslogs.data}: base64 of gzip). A group nobody subscribes to keeps its records to
 * itself, as in AWS. Like Lambda's asynchronous invocation, a failed delivery is tried twice more (after 1 and
 * 2 seconds here rather than minutes). Receipts sent are remembered in the data dir; a restart sends those it
 * interrupted.
 */
final class CarrierReceipts implements AutoCloseable {

    static final String SUCCESS_GROUP = "sns/" + StackPlan.REGION + "/" + SqsEmulator.ACCOUNT + "/DirectPublishToPhoneNumber";
    static final String FAILURE_GROUP = SUCCESS_GROUP + "/Failure";
    /** How long after the acceptance the carrier reports. */
    static final Duration DELAY = Duration.ofMillis(100);
    private static final int ATTEMPTS = 3;

    private final Path sentFile;
    private final Set<String> sent = new HashSet<>();
    private final Map<String, String> subscriptions;
    private final FunctionPool functions;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "carrier-receipts");
        t.setDaemon(true);
        return t;
    });

    CarrierReceipts(Path dataDir, StackPlan plan, FunctionPool functions) throws IOException {
        this.sentFile = dataDir.resolve("carrier/receipts.jsonl");
        this.subscriptions = plan.logSubscriptions;
        this.functions = functions;
        Files.createDirectories(sentFile.getParent());
        PrivateFiles.ensure(sentFile);
        for (String line : Files.readAllLines(sentFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                sent.add((String) Json.parseObject(line).get("messageId"));
            }
        }
    }

    /** Sends, after the usual delay, the receipts a previous run accepted the messages of but never sent. */
    void resume(List<CarrierSimulator.Received> accepted) {
        for (CarrierSimulator.Received r : accepted) {
            if (!isSent(r.messageId())) {
                later(r, 1);
            }
        }
    }

    /**
     * What follows an acceptance: the receipt (now, before the answer, for …0303), twice for …0202 (the second a
     * delivery of its own, tried again like any other if it fails).
     */
    void accepted(CarrierSimulator.Received r) {
        if (r.phoneNumber().endsWith("0303")) {
            send(r, 1);
        } else {
            later(r, 1);
        }
        if (r.phoneNumber().endsWith("0202")) {
            timer.schedule(() -> send(r, 1), DELAY.toMillis() * 2, TimeUnit.MILLISECONDS);
        }
    }

    private void later(CarrierSimulator.Received r, int attempt) {
        timer.schedule(() -> send(r, attempt), DELAY.toMillis() * (attempt == 1 ? 1 : 1L << (attempt + 1)),
                TimeUnit.MILLISECONDS);
    }

    private void send(CarrierSimulator.Received r, int attempt) {
        String group = r.delivered() ? SUCCESS_GROUP : FAILURE_GROUP;
        String function = subscriptions.get(group);
        if (function == null) {
            return;
        }
        String record = SnsDeliveryLog.record(r.messageId(), r.phoneNumber(), r.delivered(),
                r.delivered() ? "Message has been accepted by phone carrier"
                        : "UNDELIV: Phone is currently unreachable/unavailable", Instant.now());
        try {
            FunctionProcess.Result result = functions.invoke(function, Json.write(Map.of("awslogs",
                    Map.of("data", awslogsData(group, record)))));
            if (!result.functionError()) {
                markSent(r.messageId());
                return;
            }
            System.err.println("sms-local: " + function + " failed on a receipt: " + result.payload());
        } catch (Exception e) {
            System.err.println("sms-local: " + function + " could not take a receipt: " + e);
        }
        if (attempt < ATTEMPTS) {
            later(r, attempt + 1);
        }
    }

    private synchronized boolean isSent(String messageId) {
        return sent.contains(messageId);
    }

    private synchronized void markSent(String messageId) throws IOException {
        if (sent.add(messageId)) {
            Files.writeString(sentFile, Json.write(Map.of("messageId", messageId)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        }
    }

    /** A CloudWatch Logs subscription event's {@code awslogs.data} holding one log event. */
    static String awslogsData(String group, String message) throws IOException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageType", "DATA_MESSAGE");
        payload.put("owner", SqsEmulator.ACCOUNT);
        payload.put("logGroup", group);
        payload.put("logStream", UUID.randomUUID().toString());
        payload.put("subscriptionFilters", List.of("receipts"));
        payload.put("logEvents", List.of(Map.of("id", UUID.randomUUID().toString().replace("-", ""),
                "timestamp", System.currentTimeMillis(), "message", message)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
