package smsplatform.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** A handler for FunctionRunnerTest: says what its Context reports, or fails with the message it is given. */
public final class ContextProbeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (event.containsKey("fail")) {
            throw new IllegalStateException((String) event.get("fail"));
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("remainingMillis", context.getRemainingTimeInMillis());
        seen.put("memoryMb", context.getMemoryLimitInMB());
        return seen;
    }
}
