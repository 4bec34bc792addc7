package smsplatform.functions.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.domain.AccountId;
import smsplatform.domain.ExponentialBackoff;
import smsplatform.domain.SerialNo;
import smsplatform.json.Json;
import smsplatform.log.Log;
import smsplatform.queue.QueueBatch;
import smsplatform.service.DeliveryService;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The outbound-queue consumer: hands each queued message to the configured carrier. */
public final class DeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /**
     * Transient carrier failures come back after 5 s, 10 s, 20 s… (at most 15 minutes). The outbound
     * queue's maxReceiveCount (10) lets the backoff reach its cap on the last retry: 5, 10, 20, 40, 80, 160,
     * 320, 640 and 900 s (about 36 minutes in all); the tenth refusal sends the message to the DLQ, whose
     * consumer settles it FAILED. TemplateTest ties the two together.
     */
    static final int FIRST_RETRY_SECONDS = 5;
    public static final int MAX_RETRY_SECONDS = 900;
    private static final ExponentialBackoff RETRY = new ExponentialBackoff(Duration.ofSeconds(FIRST_RETRY_SECONDS),
            Duration.ofSeconds(MAX_RETRY_SECONDS));

    private final DeliveryService delivery;
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public DeliveryHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    private DeliveryHandler(FunctionEnvironment env) {
        this(env, MessageWiring.from(env));
    }

    private DeliveryHandler(FunctionEnvironment env, MessageWiring wiring) {
        this(new DeliveryService(wiring.messages(), wiring.progress(), MessageWiring.carrier(env), Clock.systemUTC()),
                wiring.sqs(), env.outboundQueueUrl());
    }

    public DeliveryHandler(DeliveryService delivery, Supplier<SqsClient> sqs, String queueUrl) {
        this.delivery = delivery;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process("delivery", event, context, message -> {
            Map<String, Object> body = Json.parseObject(message.getBody());
            Optional<SerialNo> serialNo = body.get("serialNo") instanceof String raw ? SerialNo.parse(raw) : Optional.empty();
            if (serialNo.isEmpty()) {
                Log.warn("delivery.ignored", "reason", "no such message: not a serial number");
                return;
            }
            Optional<AccountId> accountId = body.get("accountId") instanceof String raw ? AccountId.parse(raw) : Optional.empty();
            if (accountId.isEmpty()) {
                Log.warn("delivery.ignored", "reason", "no such message: not an account id");
                return;
            }
            try {
                delivery.deliver(accountId.get(), serialNo.get());
            } catch (DeliveryService.RetryLater transientFailure) {
                backOff(message);
                throw transientFailure;
            }
        });
    }

    private void backOff(SQSEvent.SQSMessage message) {
        int receives = Integer.parseInt(message.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        int seconds = retryDelaySeconds(receives);
        sqs.get().changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.getReceiptHandle())
                .visibilityTimeout(seconds));
    }

    /** How long a message refused for now on its {@code receives}-th receive waits before the next one. */
    public static int retryDelaySeconds(int receives) {
        return (int) RETRY.after(receives).toSeconds();
    }
}
