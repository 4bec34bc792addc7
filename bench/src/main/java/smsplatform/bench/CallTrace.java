package smsplatform.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS call of a traced run. Registered only for the trace run, as an SDK global
 * interceptor (a classpath resource the bench writes), never inside a measured run.
 */
public final class CallTrace implements ExecutionInterceptor {

    static final String REGISTRATION = "software/amazon/awssdk/global/handlers/execution.interceptors";

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes);
    }

    /** {@code Service:Operation}, and for a query of a secondary index {@code DynamoDb:Query(IndexName)}. */
    private static void record(SdkRequest request, ExecutionAttributes attributes) {
        String index = request.getValueForField("IndexName", String.class).map(i -> "(" + i + ")").orElse("");
        TraceLog.record(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + index);
    }
}
