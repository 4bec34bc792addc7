package smsplatform.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * I/O fan-out for one request (a 200-number send must not make 200 sequential round trips). One pool of
 * {@link #WIDTH} daemon threads, created on first use, shared by the container's invocations: at most that many
 * pooled calls of the JVM are in flight at once, whatever the number of fan-outs (a list of one item runs on the
 * caller's thread) (sms-local's function JVMs serve
 * concurrent invocations, whose items queue here instead of opening more connections).
 */
public final class Parallel {

    /**
     * 200 conditional writes of a 200-number send in 4 waves instead of 13 at 16 (bench/README.md, "A DynamoDB that
     * answers in parallel"). The template keeps as many connections alive ({@code -Dhttp.maxConnections}, checked by
     * TemplateTest), so that a wave reuses the previous wave's connections instead of opening new ones.
     */
    public static final int WIDTH = 50;

    private static final class Pool {
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(WIDTH, r -> {
            Thread t = new Thread(r, "io-fanout");
            t.setDaemon(true);
            return t;
        });
    }

    private Parallel() {}

    /** Applies {@code work} to every item concurrently; results in input order; the first failure is rethrown. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        if (items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(Pool.EXECUTOR.submit(() -> work.apply(item)));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    /** Splits {@code items} into consecutive batches of at most {@code size}, then {@link #map}s {@code work} over them. */
    public static <T, R> List<R> inBatches(List<T> items, int size, Function<List<T>, R> work) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(from + size, items.size())));
        }
        return map(batches, work);
    }
}
