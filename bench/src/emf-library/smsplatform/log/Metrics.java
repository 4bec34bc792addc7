package smsplatform.log;

import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Measurement only, never in a deployment artifact: shared's {@code smsplatform.log.Metrics} rewritten on
 * software.amazon.cloudwatchlogs:aws-embedded-metrics 4.2.0, emitting the same values (namespace
 * SmsPlatform, dimension service=sms-platform, the metric with its unit, the request id) as one flushed
 * MetricsLogger each. The bench (MetricsCost) compiles it against a function's artifact and swaps it into a
 * copy of that artifact together with the library and its dependencies. The metric-name constants are not
 * repeated: the functions' classes inline them at compile time.
 */
public final class Metrics {

    private static final EnvironmentProvider ENVIRONMENTS = new EnvironmentProvider();

    private Metrics() {}

    public static void count(String name, long value) {
        if (value > 0) {
            emit(name, value, Unit.COUNT);
        }
    }

    public static void milliseconds(String name, long value) {
        emit(name, Math.max(0, value), Unit.MILLISECONDS);
    }

    private static void emit(String name, long value, Unit unit) {
        try {
            MetricsLogger metrics = new MetricsLogger(ENVIRONMENTS);
            metrics.setNamespace("SmsPlatform");
            metrics.setDimensions(DimensionSet.of("service", "sms-platform"));
            metrics.putProperty("requestId", Log.requestId());
            metrics.putMetric(name, value, unit);
            metrics.flush();
        } catch (Exception e) {
            throw new IllegalStateException("metric " + name + " not written", e);
        }
    }
}
