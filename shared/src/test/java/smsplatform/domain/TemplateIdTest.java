package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import smsplatform.support.Ids;

class TemplateIdTest {

    @Test
    void everyIdTheProductMakesForATemplateIsOneAndPrintsAsItself() {
        String made = Ids.random(Clock.systemUTC()).next("tpl-");
        TemplateId id = new TemplateId(made);
        assertThat(id.value()).isEqualTo(made);
        assertThat(id).hasToString(made).isEqualTo(TemplateId.parse(made).orElseThrow());
        assertThat(new TemplateId("tpl-" + "0".repeat(26)).value()).endsWith("0".repeat(26));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "tpl-", "tpl-0123456789abcdefghjkmnpqr", "tpl-0123456789abcdefghjkmnpqrst",
            "sig-0123456789abcdefghjkmnpqrs", "TPL-0123456789abcdefghjkmnpqrs", "tpl-0123456789ABCDEFGHJKMNPQRS",
            "tpl-0123456789abcdefghjkmnpq/s", " tpl-0123456789abcdefghjkmnpqrs", "tpl-0123456789abcdefghjkmnpqrs\n",
            "tpl-0123456789abidefghjkmnpqrs", "tpl-0123456789abldefghjkmnpqrs"})
    void anythingElseIsRefusedAtConstructionAndIsNoIdWhenParsed(String raw) {
        assertThatThrownBy(() -> new TemplateId(raw)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TemplateId.parse(raw)).isEmpty();
    }
}
