package smsplatform.functions.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import smsplatform.aws.AwsClients;
import smsplatform.aws.DynamoOptOuts;
import smsplatform.aws.DynamoRecipients;
import smsplatform.aws.DynamoReplies;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.SqsCallbackEvents;
import smsplatform.carrier.TwoWaySms;
import smsplatform.domain.InboundSms;
import smsplatform.domain.PhoneNumberPlan;
import smsplatform.log.Log;
import smsplatform.phone.LibPhoneNumberPlan;
import smsplatform.queue.QueueBatch;
import smsplatform.service.ReplyService;
import smsplatform.support.Lazy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Replies from handsets: InboundSmsQueue holds what the two-way SMS topic published (see {@link TwoWaySms}). A
 * message that is not such a notification is logged and dropped: it will not parse on a retry either. Anything
 * else that fails is reported for redelivery; receiving a reply twice changes nothing ({@link ReplyService}).
 */
public final class InboundSmsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ReplyService replies;
    private final PhoneNumberPlan plan;

    public InboundSmsHandler() {
        this(FunctionEnvironment.fromSystem(), AwsClients.dynamoDb());
    }

    private InboundSmsHandler(FunctionEnvironment env, DynamoDbClient dynamo) {
        this(new ReplyService(new DynamoRecipients(dynamo, env.tableName()), new DynamoReplies(dynamo, env.tableName()),
                new DynamoOptOuts(dynamo, env.tableName()),
                new SqsCallbackEvents(Lazy.of(AwsClients::sqs), env.callbackQueueUrl())), new LibPhoneNumberPlan());
    }

    public InboundSmsHandler(ReplyService replies, PhoneNumberPlan plan) {
        this.replies = replies;
        this.plan = plan;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        // Concurrently: replies do not depend on their order (the latest decision wins by reply time).
        return QueueBatch.processConcurrently("inbound-sms", event, context, message -> {
            InboundSms sms;
            try {
                sms = TwoWaySms.parse(message.getBody(), plan);
            } catch (IllegalArgumentException malformed) {
                Log.warn("reply.malformed", "error", malformed.getMessage());
                return;
            }
            replies.receive(sms);
        });
    }
}
