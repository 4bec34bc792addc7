package smsplatform.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * I/O fan-out for one request (a 200-number send must not make 200 sequential round trips). Daemon threads,
 * created on demand and kept for the container's next invocations; each fan-out runs at most its width of
 * items at once (16 unless the caller asks for more).
 */
public final class Parallel {

    /** The default width: enough to overlap a request's few batches and lookups. */
    private static final int THREADS = 16;

    private static final class Pool {
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "io-fanout");
            t.setDaemon(true);
            return t;
        });
    }

    private Parallel() {}

    /** Applies {@code work} to every item, 16 at a time; results in input order; the first failure is rethrown. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        return map(items, THREADS, work);
    }

    /** Applies {@code work} to every item, at most {@code width} at a time; results in input order; the first failure is rethrown. */
    public static <T, R> List<R> map(List<T> items, int width, Function<T, R> work) {
        if (items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(items.size());
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(width, items.size()); w++) {
            workers.add(Pool.EXECUTOR.submit(() -> {
                for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                    results.set(i, work.apply(items.get(i)));
                }
            }));
        }
        for (Future<?> f : workers) {
            try {
                f.get();
            } catch (ExecutionException e) {
                next.set(items.size()); // the other workers take no new item
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<R> list = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            list.add(results.get(i));
        }
        return list;
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
