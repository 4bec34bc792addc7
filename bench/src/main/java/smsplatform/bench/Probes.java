package smsplatform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a probe in a fresh JVM ({@code -Xmx256m}: a 512 MB Lambda) with exactly a function's environment. */
final class Probes {

    static final String HEAP = "-Xmx256m";

    /** One cold start as ColdStartProbe reports it. */
    record Run(long wallMs, int classes, int classesAfterInit, long handlerMs, int handlerClasses,
               String status, long rssMb, long primingMs, List<String> calls, String output) {}

    private static final Pattern RESULT = Pattern.compile(
            "RESULT init=(\\d+) first=(\\d+) total=(\\d+) classes=(\\d+) status=(\\S+) rss=(\\d+) initClasses=(\\d+) handlerMs=(\\d+) handlerClasses=(\\d+)");
    private static final Pattern PRIMED = Pattern.compile("PRIMED ms=(\\d+)");
    private static final Pattern CALLS = Pattern.compile("CALLS (\\S+)");

    private Probes() {}

    static String run(String java, String classpath, Map<String, String> env, String main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-cp", classpath, main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1800, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(main + " " + String.join(" ", args) + " failed:\n" + output);
        }
        return output;
    }

    static Run coldStart(String java, String classpath, Map<String, String> env, String handler, String event,
                         boolean prime) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        String output = prime ? run(java, classpath, env, "smsplatform.bench.ColdStartProbe", handler, event, "prime")
                : run(java, classpath, env, "smsplatform.bench.ColdStartProbe", handler, event);
        long wall = (System.nanoTime() - begin) / 1_000_000;
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException(handler + " printed no RESULT:\n" + output);
        }
        Matcher primed = PRIMED.matcher(output);
        Matcher calls = CALLS.matcher(output);
        return new Run(wall, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(7)),
                Long.parseLong(m.group(8)), Integer.parseInt(m.group(9)), m.group(5), Long.parseLong(m.group(6)),
                primed.find() ? Long.parseLong(primed.group(1)) : 0,
                calls.find() ? List.of(calls.group(1).split(",")) : List.of(), output);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
