package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN §5.1 and §5.2; the seed's examples of non-identifiable signatures included. */
class SignatureNameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Tencent Cloud", "腾讯云", "Acme", "QQ Music 2", "腾讯Cloud", "A1", "  Tencent Cloud  "})
    void acceptsIdentifiableNames(String name) {
        assertThat(SignatureNameRules.validate(name)).isEqualTo(name.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"【腾讯云】", "Tencent, Cloud", "Tencent  Cloud", "Hello!", "x", "一二三四五六七八九十一二三",
            "ABCDEFGHIJKLMNOPQRSTU", "腾讯 云", "", "Tencent_Cloud"})
    void refusesMalformedNames(String name) {
        assertThatThrownBy(() -> SignatureNameRules.validate(name)).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("InvalidParameterValue.SignNameFormat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "aabb", "verification code", "notification", "TEST", "Test SMS", "验证码", "系统通知",
            "xxyy", "abab", "aaaa", "zzz", "12345", "Customer Service", "otp"})
    void refusesNonIdentifiableNames(String name) {
        assertThatThrownBy(() -> SignatureNameRules.validate(name)).isInstanceOf(Failure.class)
                .extracting("code").isEqualTo("FailedOperation.NonIdentifiableSignature");
    }

    @Property
    void noNameWithPunctuationIsEverAccepted(@ForAll @StringLength(min = 1, max = 10) String prefix) {
        String name = "Acme" + prefix + "【";
        assertThatThrownBy(() -> SignatureNameRules.validate(name)).isInstanceOf(Failure.class);
    }

    @Property
    void everyAcceptedNameIsTrimmedAndWithinTheLengthLimits(@ForAll @StringLength(max = 30) String raw) {
        try {
            String name = SignatureNameRules.validate(raw);
            int length = name.codePointCount(0, name.length());
            boolean ideographic = name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            assertThat(length).isBetween(2, ideographic ? 12 : 20);
            assertThat(name).isEqualTo(name.strip()).doesNotContain("  ");
        } catch (Failure refused) {
            assertThat(refused.category()).isEqualTo(Failure.Category.INVALID);
        }
    }
}
