package smsplatform.functions.callbacks;

import java.time.Clock;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoCallbackStore;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.SqsCallbackEvents;
import smsplatform.aws.SqsCallbackQueue;
import smsplatform.domain.callbacks.CallbackRetry;
import smsplatform.domain.callbacks.CallbackUrlPolicy;
import smsplatform.ports.CallbackEvents;
import smsplatform.service.CallbackDispatcher;
import smsplatform.support.Lazy;
import smsplatform.webhook.PinnedHttpWebhooks;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The callback dispatcher's composition root: one SQS client, built on first use, for both of its queues. */
record CallbackWiring(CallbackDispatcher dispatcher, CallbackEvents events) {

    static CallbackWiring from(FunctionEnvironment env) {
        Lazy<SqsClient> sqs = Lazy.of(AwsClients::sqs);
        return new CallbackWiring(new CallbackDispatcher(new DynamoCallbackStore(AwsClients.dynamoDb(), env.tableName()),
                PinnedHttpWebhooks.standard(new CallbackUrlPolicy(env.callbackAllowLoopback())),
                new SqsCallbackQueue(sqs, env.callbackQueueUrl()), new CallbackRetry(env.callbackRetryWindow()),
                Clock.systemUTC()),
                new SqsCallbackEvents(sqs, env.callbackQueueUrl()));
    }
}
