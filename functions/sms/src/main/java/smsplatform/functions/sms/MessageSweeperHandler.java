package smsplatform.functions.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.aws.SqsOutboundQueue;
import smsplatform.log.Log;
import smsplatform.service.MessageSweeper;

/**
 * Runs on a schedule: settles messages left QUEUED or SENT without progress, and accepted ones whose receipt never
 * came (see {@link MessageSweeper}).
 */
public final class MessageSweeperHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final MessageSweeper sweeper;

    public MessageSweeperHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    private MessageSweeperHandler(FunctionEnvironment env) {
        this(env, MessageWiring.from(env));
    }

    private MessageSweeperHandler(FunctionEnvironment env, MessageWiring wiring) {
        this(new MessageSweeper(wiring.messages(), wiring.progress(),
                new SqsOutboundQueue(wiring.sqs(), env.outboundQueueUrl()),
                new MessageSweeper.Bounds(env.sweepQueuedAfter(), env.sweepSentAfter(), env.sweepReceiptAfter()),
                Clock.systemUTC()));
    }

    public MessageSweeperHandler(MessageSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Log.begin("message-sweeper", context == null ? event.getId() : context.getAwsRequestId());
        MessageSweeper.Sweep sweep = sweeper.sweep();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requeued", sweep.requeued());
        result.put("failed", sweep.failed());
        result.put("waiting", sweep.waiting());
        result.put("withoutReceipt", sweep.withoutReceipt());
        result.put("announced", sweep.announced());
        return result;
    }
}
