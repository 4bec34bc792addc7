package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+8613800138000", "008613800138000", "8613800138000", "13800138000", " 13800138000 "})
    void domesticFormsNormaliseToE164(String raw) {
        assertThat(PhoneNumber.parse(raw)).contains(new PhoneNumber("+8613800138000", true, "CN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1380013800", "23800138000", "+86138001380001", "abc", "+1", "138-0013-8000"})
    void malformedNumbersAreRefused(String raw) {
        assertThat(PhoneNumber.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155550123", "0014155550123"})
    void internationalNumbersKeepTheirRegion(String raw) {
        assertThat(PhoneNumber.parse(raw)).contains(new PhoneNumber("+14155550123", false, "US"));
        assertThat(PhoneNumber.looksInternational(raw)).isTrue();
    }
}
