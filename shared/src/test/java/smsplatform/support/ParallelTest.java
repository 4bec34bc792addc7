package smsplatform.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void aFanOutRunsItsWholeWidthOfItemsAtOnceAndKeepsTheirOrder() {
        List<Integer> items = IntStream.range(0, Parallel.WIDTH).boxed().toList();
        CyclicBarrier together = new CyclicBarrier(Parallel.WIDTH); // passable only if all of them run at once
        List<Integer> doubled = Parallel.map(items, i -> {
            await(together);
            return i * 2;
        });
        assertThat(doubled).isEqualTo(items.stream().map(i -> i * 2).toList());
    }

    @Test
    void concurrentFanOutsShareTheWidthInsteadOfAddingTheirOwn() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CyclicBarrier full = new CyclicBarrier(Parallel.WIDTH);
        Runnable fanOut = () -> Parallel.map(IntStream.range(0, 2 * Parallel.WIDTH).boxed().toList(), i -> {
            threads.add(Thread.currentThread());
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            await(full); // each round of WIDTH meets here: one more at once would make a round of WIDTH + 1
            inFlight.decrementAndGet();
            return i;
        });
        CompletableFuture.allOf(CompletableFuture.runAsync(fanOut), CompletableFuture.runAsync(fanOut)).join();
        assertThat(most.get()).isEqualTo(Parallel.WIDTH);
        // a pool per fan-out would start a thread per item until full: 2 x WIDTH threads, whatever the timing
        assertThat(threads).hasSize(Parallel.WIDTH);
    }

    @Test
    void aFailingItemFailsTheWholeFanOut() {
        assertThatThrownBy(() -> Parallel.map(IntStream.range(0, 20).boxed().toList(), i -> {
            if (i == 7) {
                throw new IllegalArgumentException("item 7");
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 7");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
