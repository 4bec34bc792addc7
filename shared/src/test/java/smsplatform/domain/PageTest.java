package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages cut to a size budget resume right after the last item they keep. */
class PageTest {

    final Page<String> page = new Page<>(List.of("aaaa", "bb", "cccccc", "d"), "after-d",
            List.of("after-a", "after-b", "after-c", "after-d"));

    @Test
    void aPageWithinItsBudgetIsKeptWhole() {
        assertThat(page.within(String::length, 13)).isEqualTo(page);
    }

    @Test
    void aPageOverItsBudgetKeepsTheItemsThatFitAndResumesAfterTheLastOfThem() {
        Page<String> cut = page.within(String::length, 11);
        assertThat(cut.items()).containsExactly("aaaa", "bb");
        assertThat(cut.nextToken()).isEqualTo("after-b");
    }

    @Test
    void anItemLargerThanTheBudgetStillMakesAPageOfOne() {
        Page<String> cut = page.within(String::length, 1);
        assertThat(cut.items()).containsExactly("aaaa");
        assertThat(cut.nextToken()).isEqualTo("after-a");
    }

    @Test
    void mappingMapsItemsAndEveryToken() {
        Page<Integer> mapped = page.map(String::length, t -> t.toUpperCase());
        assertThat(mapped.items()).containsExactly(4, 2, 6, 1);
        assertThat(mapped.within(n -> n, 6).nextToken()).isEqualTo("AFTER-B");
    }

    @Test
    void aPageWithoutTokensPerItemCannotBeCutShort() {
        assertThatThrownBy(() -> new Page<>(List.of("aaaa", "bb"), null).within(String::length, 4))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Page<>(List.of("a"), null, List.of("x", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
