package smsplatform.functions.sms;

import java.net.URI;
import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoCarrierLinks;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoStatistics;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.SqsCallbackEvents;
import smsplatform.carrier.SimulatorCarrier;
import smsplatform.carrier.SnsCarrier;
import smsplatform.ports.Carrier;
import smsplatform.service.MessageProgress;
import smsplatform.support.Lazy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the functions that move messages along share (delivery, receipts, the sweeper, dead letters): the
 * message store, the progress that counts statistics and publishes MESSAGE_STATUS events, and the one SQS client.
 */
record MessageWiring(DynamoMessageStore messages, MessageProgress progress, DynamoCarrierLinks links,
                     Lazy<SqsClient> sqs) {

    static MessageWiring from(FunctionEnvironment env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        Lazy<SqsClient> sqs = Lazy.of(AwsClients::sqs); // one SQS client per function, built on first use
        DynamoMessageStore messages = new DynamoMessageStore(dynamo, env.tableName());
        DynamoCarrierLinks links = new DynamoCarrierLinks(dynamo, env.tableName(), Clock.systemUTC());
        MessageProgress progress = new MessageProgress(messages, links, new DynamoStatistics(dynamo, env.tableName()),
                new SqsCallbackEvents(sqs, env.callbackQueueUrl()));
        return new MessageWiring(messages, progress, links, sqs);
    }

    /** The carrier the delivery function hands messages to (see {@link FunctionEnvironment#carrier}). */
    static Carrier carrier(FunctionEnvironment env) {
        return switch (env.carrier()) {
            case "simulator" -> new SimulatorCarrier(URI.create(env.carrierSimulatorUrl()), env.carrierSimulatorSecret());
            case "sns" -> new SnsCarrier(AwsClients.sns());
            default -> throw new IllegalStateException("Unknown CARRIER '" + env.carrier() + "'");
        };
    }
}
