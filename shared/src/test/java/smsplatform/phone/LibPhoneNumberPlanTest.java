package smsplatform.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import smsplatform.domain.PhoneNumber;

/** Numbers as customers write them, read through libphonenumber: the written forms, the regions and the edges. */
class LibPhoneNumberPlanTest {

    static final LibPhoneNumberPlan PLAN = new LibPhoneNumberPlan();
    static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    static final Set<PhoneNumberType> SMS_TYPES = Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
    static final PhoneNumber MAINLAND = new PhoneNumber("+8613800138000", true, "CN");

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", " 13800138000 ", "138-0013-8000", "138 0013 8000", "138.0013.8000",
            "(138) 0013 8000", "+8613800138000", "+86 138 0013 8000", "+86-138-0013-8000", "(+86) 138 0013 8000",
            "008613800138000", "0086 138 0013 8000", "8613800138000", "86 138 0013 8000",
            "＋８６ １３８ ００１３ ８０００", "138\u00a00013\u00a08000"})
    void aMainlandMobileWrittenAsCustomersTypeItIsReadAsItsE164(String written) {
        assertThat(PLAN.parse(written)).contains(MAINLAND);
        assertThat(PhoneNumber.looksInternational(written)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "'+1 (415) 555-0100', +14155550100, US",
            "'+1 415-555-0100', +14155550100, US",
            "'001 415 555 0100', +14155550100, US",
            "'+1 506-234-5678', +15062345678, CA",
            "'+44 7400 123456', +447400123456, GB",
            "'00 44 7400 123456', +447400123456, GB",
            "'+852 5123 4567', +85251234567, HK",
            "'+853 6612 3456', +85366123456, MO",
            "'+886 912 345 678', +886912345678, TW",
            "'+81 90-1234-5678', +819012345678, JP",
            "'+65 8123 4567', +6581234567, SG"})
    void anInternationalNumberIsReadWithItsRealRegion(String written, String e164, String region) {
        assertThat(PLAN.parse(written)).contains(new PhoneNumber(e164, false, region));
        assertThat(PhoneNumber.looksInternational(written)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "+", "+1", "+86", "()", "-",
            "1380013800", "+86 138 0013 800",                   // too short
            "138001380001", "+86 138 0013 8000 8000",           // too long
            "23800138000", "10000000000",                       // no mainland mobile starts so
            "+999 123 456 789", "+0 138 0013 8000",             // no such country code
            "abc", "138OO138OOO", "1-800-FLOWERS", "+1 800 FLOWERS", // letters
            "13800138000;ext=1", "13800138000 x1", "tel:+8613800138000", "13800138000#", "138\t0013\t8000",
            "+86 10 1234 5678", "010 1234 5678",                // a mainland landline: no SMS reaches it
            "(415) 555-0100",                                   // no country code: read as a mainland landline
            "+44 20 7946 0000",                                 // a London landline
            "+86 400 810 8888",                                 // a mainland service number
            "1111111111111111111111111111111111111111111"})
    void whatIsNotAValidNumberAnSmsReachesIsRefused(String written) {
        assertThat(PLAN.parse(written)).isEmpty();
    }

    @Test
    void nothingIsNotANumber() {
        assertThat(PLAN.parse(null)).isEmpty();
        assertThat(PhoneNumber.looksInternational(null)).isFalse();
    }

    @Test
    void primingReadsAMobileNumberOfEveryRegionThatHasOne() {
        long regions = UTIL.getSupportedRegions().stream()
                .map(region -> UTIL.getExampleNumberForType(region, PhoneNumberType.MOBILE))
                .filter(Objects::nonNull).filter(n -> SMS_TYPES.contains(UTIL.getNumberType(n))).count();
        assertThat(regions).isGreaterThan(200);
        assertThat(PLAN.prime()).isEqualTo(regions);
    }

    @Property
    void aMainlandMobileInEveryWrittenFormNormalisesToTheSameE164(@ForAll("mainlandMobiles") Phonenumber.PhoneNumber number) {
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        String national = UTIL.format(number, PhoneNumberFormat.NATIONAL);
        String digits = e164.substring(3);
        List<String> forms = List.of(national, UTIL.format(number, PhoneNumberFormat.INTERNATIONAL), e164, digits,
                "0086" + digits, "86" + digits, national.replace(' ', '-'), "(+86) " + national, fullWidth(national));
        for (String written : forms) {
            assertThat(PLAN.parse(written)).as(written).contains(new PhoneNumber(e164, true, "CN"));
            assertThat(PhoneNumber.looksInternational(written)).as(written).isFalse();
        }
    }

    @Property
    void anyRegionsNumberWrittenInternationallyNormalisesToItsE164AndRegion(
            @ForAll("smsNumbers") Phonenumber.PhoneNumber number) {
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        String region = UTIL.getRegionCodeForNumber(number);
        boolean domestic = region.equals("CN");
        List<String> forms = new ArrayList<>(List.of(e164, UTIL.format(number, PhoneNumberFormat.INTERNATIONAL),
                UTIL.formatOutOfCountryCallingNumber(number, "CN")));
        if (domestic) {
            forms.add(UTIL.format(number, PhoneNumberFormat.NATIONAL));
        }
        for (String written : forms) {
            assertThat(PLAN.parse(written)).as(written).contains(new PhoneNumber(e164, domestic, region));
            assertThat(PhoneNumber.looksInternational(written)).as(written).isEqualTo(!domestic);
        }
    }

    @Property
    void anyTextIsRefusedOrReadAsANumberThatReadsBackTheSame(@ForAll("typed") String written) {
        Optional<PhoneNumber> read = PLAN.parse(written);
        read.ifPresent(number -> {
            assertThat(number.e164()).matches("\\+[1-9][0-9]{6,16}");
            assertThat(number.isoCode()).matches("[A-Z]{2}");
            assertThat(number.domestic()).isEqualTo(number.isoCode().equals("CN"));
            assertThat(PLAN.parse(number.e164())).contains(number);
            assertThat(PhoneNumber.looksInternational(written)).isEqualTo(!number.domestic());
        });
    }

    /** Valid mainland mobile numbers: 11 digits from 13 to 19, as libphonenumber's plan for CN says. */
    @Provide
    Arbitrary<Phonenumber.PhoneNumber> mainlandMobiles() {
        return Combinators.combine(Arbitraries.integers().between(13, 19), Arbitraries.strings().numeric().ofLength(9))
                .as((prefix, rest) -> new Phonenumber.PhoneNumber().setCountryCode(86)
                        .setNationalNumber(Long.parseLong(prefix + rest)))
                .filter(n -> UTIL.getNumberType(n) == PhoneNumberType.MOBILE);
    }

    /** Any region's example mobile with its last digits varied, kept when still valid and of a type SMS reaches. */
    @Provide
    Arbitrary<Phonenumber.PhoneNumber> smsNumbers() {
        List<Phonenumber.PhoneNumber> examples = UTIL.getSupportedRegions().stream()
                .map(region -> UTIL.getExampleNumberForType(region, PhoneNumberType.MOBILE)).filter(Objects::nonNull).toList();
        return Combinators.combine(Arbitraries.of(examples), Arbitraries.integers().between(0, 99))
                .as((example, tail) -> new Phonenumber.PhoneNumber().setCountryCode(example.getCountryCode())
                        .setNationalNumber(example.getNationalNumber() / 100 * 100 + tail))
                .filter(n -> UTIL.isValidNumber(n) && SMS_TYPES.contains(UTIL.getNumberType(n)));
    }

    /**
     * What a customer's keyboard may produce: digits, separators, prefixes, a few letters and full-width forms, and
     * valid numbers' written forms with one character inserted or replaced.
     */
    @Provide
    Arbitrary<String> typed() {
        String keys = "+0123456789 ()-.x#;ａ１８６＋\t";
        Arbitrary<String> forms = Combinators.combine(smsNumbers(), Arbitraries.of(PhoneNumberFormat.E164,
                        PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL)).as(UTIL::format);
        Arbitrary<String> slips = Combinators.combine(forms, Arbitraries.integers().between(0, 40),
                Arbitraries.of(keys.chars().mapToObj(c -> (char) c).toList()), Arbitraries.of(true, false))
                .as((form, at, key, replace) -> {
                    int i = Math.min(at, form.length());
                    return form.substring(0, i) + key + form.substring(replace ? Math.min(i + 1, form.length()) : i);
                });
        return Arbitraries.oneOf(Arbitraries.strings().withChars(keys).ofMaxLength(24), forms, slips);
    }

    static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c >= '0' && c <= '9' || c == '+' ? (char) (c - '!' + '！') : (char) c));
        return out.toString();
    }
}
