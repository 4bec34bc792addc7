package smsplatform.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, in a fresh JVM on the function's artifact: construct the handler as Lambda does,
 * deserialize the event with Lambda's serializers, complete the first invocation. Prints
 * {@code RESULT init=<ms> first=<ms> total=<ms> classes=<n>} (times from JVM start).
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        String handlerClass = args[0].split("::")[0];
        String event = Files.readString(Path.of(args[1]));
        Class<?> type = Class.forName(handlerClass);
        RequestHandler handler = (RequestHandler) type.getConstructor().newInstance();
        long constructed = System.currentTimeMillis();
        Class<?> input = inputType(type);
        PojoSerializer<?> serializer = LambdaEventSerializers.isLambdaSupportedEvent(input.getName())
                ? LambdaEventSerializers.serializerFor(input, ColdStartProbe.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(input);
        handler.handleRequest(serializer.fromJson(event), null);
        long done = System.currentTimeMillis();
        // Read last: the management classes it loads are counted too, equally in every run.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println("RESULT init=" + (constructed - jvmStart) + " first=" + (done - constructed)
                + " total=" + (done - jvmStart) + " classes=" + classes);
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
