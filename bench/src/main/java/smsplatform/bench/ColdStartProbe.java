package smsplatform.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, in a fresh JVM on the function's artifact: construct the handler as Lambda does,
 * deserialize the event with Lambda's serializers, complete the first invocation. Prints
 * {@code RESULT init=<ms> first=<ms> total=<ms> classes=<n> status=<HTTP status or -> rss=<peak MB>
 * initClasses=<n after construction (and priming)> handlerMs=<ms> handlerClasses=<n>} (the last two: the
 * handler's own share of the first invocation, without the event's deserialization, which the Lambda
 * runtime does)
 * (times from JVM start) and, for a traced run, {@code CALLS Service:Operation,...}.
 * With a third argument {@code prime}, it first runs the handler's CRaC {@code beforeCheckpoint}
 * (what SnapStart runs before the snapshot) and also prints {@code PRIMED ms=<ms>}.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        String handlerClass = args[0].split("::")[0];
        String event = Files.readString(Path.of(args[1]));
        Class<?> type = Class.forName(handlerClass);
        RequestHandler handler = (RequestHandler) type.getConstructor().newInstance();
        if (args.length > 2 && args[2].equals("prime")) {
            long begin = System.currentTimeMillis();
            Priming.prime(handler);
            System.out.println("PRIMED ms=" + (System.currentTimeMillis() - begin));
        }
        long constructed = System.currentTimeMillis();
        int initClasses = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        Class<?> input = inputType(type);
        PojoSerializer<?> serializer = LambdaEventSerializers.isLambdaSupportedEvent(input.getName())
                ? LambdaEventSerializers.serializerFor(input, ColdStartProbe.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(input);
        Object inputEvent = serializer.fromJson(event);
        long deserialized = System.currentTimeMillis();
        int deserializedClasses = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        Object response = handler.handleRequest(inputEvent, null);
        long done = System.currentTimeMillis();
        int handlerClasses = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() - deserializedClasses;
        // Read last: the management classes it loads are counted too, equally in every run.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println("RESULT init=" + (constructed - jvmStart) + " first=" + (done - constructed)
                + " total=" + (done - jvmStart) + " classes=" + classes + " status=" + status(response)
                + " rss=" + peakRssMb() + " initClasses=" + initClasses + " handlerMs=" + (done - deserialized)
                + " handlerClasses=" + handlerClasses);
        if (response != null && !status(response).startsWith("2") && !status(response).equals("-")) {
            System.out.println("RESPONSE " + response);
        }
        if (!TraceLog.calls().isEmpty()) {
            System.out.println("CALLS " + String.join(",", TraceLog.calls()));
        }
    }

    private static String status(Object response) {
        try {
            return String.valueOf(response.getClass().getMethod("getStatusCode").invoke(response));
        } catch (ReflectiveOperationException | RuntimeException none) {
            return "-";
        }
    }

    /** The process's peak resident set (VmHWM), in MB; 0 where /proc is not available. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // reported as 0
        }
        return 0;
    }

    private static Class<?> inputType(Class<?> handlerType) {
        for (Class<?> c = handlerType; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    return input instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : (Class<?>) input;
                }
            }
        }
        throw new IllegalArgumentException(handlerType + " is not a RequestHandler");
    }
}
