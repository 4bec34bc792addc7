package smsplatform.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A client built on first use, once per container: a cold start pays only for the clients its
 * invocation calls. Before a SnapStart snapshot, {@link #initializeAll} builds them all, so that a
 * restored function pays for none.
 */
public final class Lazy<T> implements Supplier<T> {

    private static final List<Lazy<?>> CREATED = new CopyOnWriteArrayList<>();

    private final Supplier<T> factory;
    private volatile T value;

    private Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    public static <T> Lazy<T> of(Supplier<T> factory) {
        Lazy<T> lazy = new Lazy<>(factory);
        CREATED.add(lazy);
        return lazy;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = factory.get();
                    value = current;
                }
            }
        }
        return current;
    }

    /** Builds every client made lazy in this JVM so far. */
    public static void initializeAll() {
        CREATED.forEach(Lazy::get);
    }
}
