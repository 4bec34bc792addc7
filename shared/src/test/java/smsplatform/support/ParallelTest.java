package smsplatform.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void aWideFanOutRunsAllItsItemsAtOnceAndKeepsTheirOrder() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        CyclicBarrier together = new CyclicBarrier(items.size()); // only passable if all 200 run at once
        List<Integer> doubled = Parallel.map(items, 200, i -> {
            await(together);
            return i * 2;
        });
        assertThat(doubled).isEqualTo(items.stream().map(i -> i * 2).toList());
    }

    @Test
    void theDefaultFanOutRunsAtMostSixteenItemsAtOnce() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier sixteen = new CyclicBarrier(16);
        Parallel.map(IntStream.range(0, 64).boxed().toList(), i -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            await(sixteen); // each round of 16 meets here: a 17th at once would make a round of 17
            inFlight.decrementAndGet();
            return i;
        });
        assertThat(most.get()).isEqualTo(16);
    }

    @Test
    void aFailingItemFailsTheWholeFanOut() {
        assertThatThrownBy(() -> Parallel.map(IntStream.range(0, 50).boxed().toList(), 50, i -> {
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
