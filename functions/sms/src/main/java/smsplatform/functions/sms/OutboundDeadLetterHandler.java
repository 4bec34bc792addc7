package smsplatform.functions.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.json.Json;
import smsplatform.log.Log;
import smsplatform.queue.QueueBatch;
import smsplatform.service.DeadLetters;

/**
 * The outbound DLQ's consumer: a delivery the outbound queue gave up on ends FAILED (see {@link DeadLetters}).
 * A body that names no message is reported as failed and stays in the DLQ, where its depth alarm shows it.
 */
public final class OutboundDeadLetterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final DeadLetters deadLetters;

    public OutboundDeadLetterHandler() {
        this(FunctionEnvironment.fromSystem());
    }

    private OutboundDeadLetterHandler(FunctionEnvironment env) {
        this(MessageWiring.from(env));
    }

    private OutboundDeadLetterHandler(MessageWiring wiring) {
        this(new DeadLetters(wiring.messages(), wiring.progress(), Clock.systemUTC()));
    }

    public OutboundDeadLetterHandler(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process("outbound-dead-letter", event, context, message -> {
            Map<String, Object> body = Json.parseObject(message.getBody());
            if (!(body.get("accountId") instanceof String account) || !(body.get("serialNo") instanceof String serial)) {
                throw new IllegalArgumentException("not a delivery: no accountId and serialNo");
            }
            Optional<SerialNo> serialNo = SerialNo.parse(serial);
            Optional<AccountId> accountId = AccountId.parse(account);
            if (serialNo.isEmpty() || accountId.isEmpty()) {
                Log.warn("dead-letter.ignored", "reason", "no such message: not an account id and serial number");
                return;
            }
            deadLetters.settle(accountId.get(), serialNo.get());
        });
    }
}
