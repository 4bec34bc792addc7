package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import smsplatform.support.Ids;

class SignatureIdTest {

    @Test
    void everyIdTheProductMakesForASignatureIsOneAndPrintsAsItself() {
        String made = Ids.random(Clock.systemUTC()).next("sig-");
        SignatureId id = new SignatureId(made);
        assertThat(id.value()).isEqualTo(made);
        assertThat(id).hasToString(made).isEqualTo(SignatureId.parse(made).orElseThrow());
        assertThat(new SignatureId("sig-" + "0".repeat(26)).value()).endsWith("0".repeat(26));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "sig-", "sig-0123456789abcdefghjkmnpqr", "sig-0123456789abcdefghjkmnpqrst",
            "tpl-0123456789abcdefghjkmnpqrs", "SIG-0123456789abcdefghjkmnpqrs", "sig-0123456789ABCDEFGHJKMNPQRS",
            "sig-0123456789abcdefghjkmnpq/s", " sig-0123456789abcdefghjkmnpqrs", "sig-0123456789abcdefghjkmnpqrs\n",
            "sig-0123456789abidefghjkmnpqrs", "sig-0123456789abldefghjkmnpqrs"})
    void anythingElseIsRefusedAtConstructionAndIsNoIdWhenParsed(String raw) {
        assertThatThrownBy(() -> new SignatureId(raw)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SignatureId.parse(raw)).isEmpty();
    }
}
