package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import smsplatform.support.Ids;

class SerialNoTest {

    @Test
    void everyIdTheProductMakesForAMessageIsOneAndPrintsAsItself() {
        String made = Ids.random(Clock.systemUTC()).next("sms-");
        SerialNo id = new SerialNo(made);
        assertThat(id.value()).isEqualTo(made);
        assertThat(id).hasToString(made).isEqualTo(SerialNo.parse(made).orElseThrow());
        assertThat(new SerialNo("sms-" + "0".repeat(26)).value()).endsWith("0".repeat(26));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "sms-", "sms-0123456789abcdefghjkmnpqr", "sms-0123456789abcdefghjkmnpqrst",
            "sig-0123456789abcdefghjkmnpqrs", "SMS-0123456789abcdefghjkmnpqrs", "sms-0123456789ABCDEFGHJKMNPQRS",
            "sms-0123456789abcdefghjkmnpq/s", " sms-0123456789abcdefghjkmnpqrs", "sms-0123456789abcdefghjkmnpqrs\n",
            "sms-0123456789abidefghjkmnpqrs", "sms-0123456789abldefghjkmnpqrs"})
    void anythingElseIsRefusedAtConstructionAndIsNoIdWhenParsed(String raw) {
        assertThatThrownBy(() -> new SerialNo(raw)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SerialNo.parse(raw)).isEmpty();
    }
}
