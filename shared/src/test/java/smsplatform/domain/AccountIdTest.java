package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "A", "tenant_42-prod", "0123456789012345678901234567890123456789012345678901234567890123"})
    void lettersDigitsUnderscoresAndHyphensUpTo64AreAnAccountThatPrintsAsItself(String raw) {
        AccountId id = new AccountId(raw);
        assertThat(id.value()).isEqualTo(raw);
        assertThat(id).hasToString(raw).isEqualTo(AccountId.parse(raw).orElseThrow());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "01234567890123456789012345678901234567890123456789012345678901234", "acme/other",
            "acme#SIGNATURE", "ac me", "acme\n", "账户", "acme.cloud"})
    void anythingElseIsRefusedAtConstructionAndIsNoAccountWhenParsed(String raw) {
        assertThatThrownBy(() -> new AccountId(raw)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AccountId.parse(raw)).isEmpty();
    }
}
