package smsplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void buildsOnFirstUseOnlyAndOnce() {
        AtomicInteger built = new AtomicInteger();
        Lazy<String> client = Lazy.of(() -> "client-" + built.incrementAndGet());
        assertThat(built).hasValue(0);
        assertThat(client.get()).isEqualTo("client-1");
        assertThat(client.get()).isEqualTo("client-1");
        assertThat(built).hasValue(1);
    }

    @Test
    void beforeASnapshotEveryClientIsBuilt() {
        AtomicInteger built = new AtomicInteger();
        Lazy<Integer> a = Lazy.of(built::incrementAndGet);
        Lazy<Integer> b = Lazy.of(built::incrementAndGet);
        Lazy.initializeAll();
        assertThat(built).hasValue(2);
        assertThat(a.get() + b.get()).isEqualTo(3);
        assertThat(built).hasValue(2);
    }
}
