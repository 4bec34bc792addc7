package smsplatform.local;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import smsplatform.json.Json;

/**
 * A Schedule event as EventBridge runs it: the function is invoked on the rule's rate with a Scheduled
 * Event (the shape of aws-lambda-java-events' {@code ScheduledEvent}), or with the rule's fixed Input.
 * The first invocation comes one period after the start. Deliberate differences: invocations of one
 * rule never overlap, and a failed one is logged, not retried (the next period runs it again).
 */
final class ScheduleEventSource implements AutoCloseable {

    private final FunctionPool functions;
    private final LocalFunction function;
    private final LocalFunction.ScheduleTrigger trigger;
    private final Duration period;
    private final ScheduledExecutorService timer;

    /** {@code period}: the rule's rate, or the rate sms-local was told to use instead ({@code --schedule-every}). */
    ScheduleEventSource(FunctionPool functions, LocalFunction function, LocalFunction.ScheduleTrigger trigger,
                        Duration period) {
        this.functions = functions;
        this.function = function;
        this.trigger = trigger;
        this.period = period;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule-" + trigger.rule());
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleAtFixedRate(this::fire, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fire() {
        try {
            String event = trigger.input() != null ? trigger.input() : Json.write(scheduledEvent(trigger, Instant.now()));
            FunctionProcess.Result result = functions.invoke(function.logicalId(), event);
            if (result.functionError()) {
                System.err.println("sms-local: " + function.logicalId() + " (schedule " + trigger.rule() + ") failed: "
                        + result.payload());
            }
        } catch (Exception e) {
            System.err.println("sms-local: " + function.logicalId() + " (schedule " + trigger.rule() + ") failed: " + e);
        }
    }

    /** The event an EventBridge rule sends on its schedule. */
    static Map<String, Object> scheduledEvent(LocalFunction.ScheduleTrigger trigger, Instant time) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", SqsEmulator.ACCOUNT);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", StackPlan.REGION);
        event.put("resources", List.of("arn:aws:events:" + StackPlan.REGION + ":" + SqsEmulator.ACCOUNT + ":rule/"
                + trigger.rule()));
        event.put("detail", Map.of());
        return event;
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
