package smsplatform.functions.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.carrier.SimulatorCarrier;
import smsplatform.json.Json;
import smsplatform.ports.Carrier;
import smsplatform.queue.QueueBatch;
import smsplatform.service.DeliveryService;

/** The outbound-queue consumer: hands each queued message to the configured carrier. */
public final class DeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final DeliveryService delivery;

    public DeliveryHandler() {
        this(fromEnvironment(FunctionEnvironment.fromSystem()));
    }

    public DeliveryHandler(DeliveryService delivery) {
        this.delivery = delivery;
    }

    private static DeliveryService fromEnvironment(FunctionEnvironment env) {
        return new DeliveryService(new DynamoMessageStore(AwsClients.dynamoDb(), env.tableName()),
                carrier(env), Clock.systemUTC());
    }

    /** CARRIER=simulator (the local default). The production adapter is not built yet (see README). */
    static Carrier carrier(FunctionEnvironment env) {
        String carrier = env.optional("CARRIER", "simulator");
        if (carrier.equals("simulator")) {
            return new SimulatorCarrier(URI.create(env.required("CARRIER_SIMULATOR_URL")));
        }
        throw new IllegalStateException("Unknown CARRIER '" + carrier + "'");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process("delivery", event, context, message -> {
            Map<String, Object> body = Json.parseObject(message.getBody());
            delivery.deliver((String) body.get("accountId"), (String) body.get("serialNo"));
        });
    }
}
