package smsplatform.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The build's step before the tests (bound in local/pom.xml, so {@code ./sms-local}'s first build runs it too): every
 * function of the template gets its class data archive ({@link ClassDataArchive}), so that no stack's first JVMs, all
 * starting at once, pay for writing them. Its JVMs only construct their handler: they reach no emulator.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {}

    public static void main(String[] args) throws Exception {
        Path template = Path.of(args[0]).toAbsolutePath().resolve("template.yaml");
        // The parameters a stack starts with (the carrier simulator's URL among them): the handlers read them.
        StackPlan plan = new StackPlan(Template.read(template), template.getParent(),
                LocalStack.parameters(Map.of(), 9), q -> "http://127.0.0.1:9/" + SqsEmulator.ACCOUNT + "/" + q);
        FunctionPool.Endpoints nowhere = new FunctionPool.Endpoints("http://127.0.0.1:9", "http://127.0.0.1:9",
                "http://127.0.0.1:9", "a secret no carrier simulator holds", false);
        Path logs = template.getParent().resolve("local/target/class-data-logs"); // none is written: no JVM serves
        ExecutorService writers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<?>> written = new ArrayList<>();
        for (LocalFunction function : plan.functions) {
            written.add(writers.submit(() -> {
                try (FunctionProcess process = new FunctionProcess(function, FunctionPool.environment(function, nowhere),
                        logs.resolve(function.logicalId() + ".log"))) {
                    if (!process.writeClassData()) {
                        System.err.println("sms-local: no class data archive for " + function.logicalId()
                                + " (its JVMs start without one; the first start writes it)");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : written) {
            f.get();
        }
        writers.shutdown();
    }
}
