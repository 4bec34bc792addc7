package smsplatform.functions.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smsplatform.aws.FunctionEnvironment;
import smsplatform.carrier.LogsSubscriptionEvent;
import smsplatform.carrier.SnsDeliveryLog;
import smsplatform.domain.CarrierReceipt;
import smsplatform.log.Log;
import smsplatform.service.ReceiptService;

/**
 * Carrier delivery receipts: SNS's SMS delivery-status records, delivered by the template's CloudWatch Logs
 * subscription filters (locally, the carrier simulator's records through the same filters). A record that is not
 * in SNS's format is logged and skipped: it will not parse on a retry either. Anything else that fails fails the
 * invocation, which Lambda retries (applying a receipt twice changes nothing).
 */
public final class ReceiptHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final ReceiptService receipts;

    public ReceiptHandler() {
        this(MessageWiring.from(FunctionEnvironment.fromSystem()));
    }

    private ReceiptHandler(MessageWiring wiring) {
        this(new ReceiptService(wiring.links(), wiring.progress(), Clock.systemUTC()));
    }

    public ReceiptHandler(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Log.begin("receipts", context == null ? "local" : context.getAwsRequestId());
        Optional<LogsSubscriptionEvent> logs = LogsSubscriptionEvent.fromLambdaEvent(event);
        Map<ReceiptService.Outcome, Integer> outcomes = new EnumMap<>(ReceiptService.Outcome.class);
        int malformed = 0;
        for (LogsSubscriptionEvent.LogEvent record : logs.map(LogsSubscriptionEvent::logEvents).orElse(List.of())) {
            CarrierReceipt receipt;
            try {
                receipt = SnsDeliveryLog.parse(record.message());
            } catch (IllegalArgumentException e) {
                malformed++;
                Log.warn("receipt.malformed", "logGroup", logs.get().logGroup(), "id", record.id(), "error", e.getMessage());
                continue;
            }
            outcomes.merge(receipts.apply(receipt), 1, Integer::sum);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        outcomes.forEach((outcome, count) -> result.put(outcome.name().toLowerCase(), count));
        result.put("malformed", malformed);
        Log.info("receipts.done", "result", result.toString());
        return result;
    }
}
