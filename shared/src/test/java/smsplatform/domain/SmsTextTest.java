package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rendering and SMS part counting (DESIGN §4). */
class SmsTextTest {

    @Test
    void domesticTextsCarryTheSignInLenticularBrackets() {
        assertThat(SmsText.render("Tencent Cloud", "Hi", true)).isEqualTo("【Tencent Cloud】Hi");
        assertThat(SmsText.render("Tencent Cloud", "Hi", false)).isEqualTo("[Tencent Cloud] Hi");
        assertThat(SmsText.render(null, "Hi", false)).isEqualTo("Hi");
    }

    @ParameterizedTest
    @CsvSource({"160,1", "161,2", "306,2", "307,3"})
    void gsm7PartsAt160Then153(int length, int parts) {
        assertThat(SmsText.parts("a".repeat(length))).isEqualTo(parts);
    }

    @ParameterizedTest
    @CsvSource({"70,1", "71,2", "134,2", "135,3"})
    void ucs2PartsAt70Then67(int length, int parts) {
        assertThat(SmsText.parts("短".repeat(length))).isEqualTo(parts);
    }

    @Test
    void gsm7ExtensionCharactersCountTwice() {
        assertThat(SmsText.parts("€".repeat(80))).isEqualTo(1);
        assertThat(SmsText.parts("€".repeat(81))).isEqualTo(2);
    }
}
