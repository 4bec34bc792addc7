package smsplatform.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import smsplatform.domain.PhoneNumber;
import smsplatform.domain.PhoneNumberPlan;

/**
 * The numbering plans of every region, from Google's libphonenumber (https://github.com/google/libphonenumber):
 * {@code parse} with mainland China as the default region, {@code isValidNumber} ("full validation of a phone number
 * for a region using length and prefix information", its README), the region of the number and its E.164 form.
 * A valid number must also be of a type SMS reaches: "SMSs can be sent to TYPE_MOBILE or TYPE_FIXED_LINE_OR_MOBILE
 * numbers" (its FAQ, https://github.com/google/libphonenumber/blob/master/FAQ.md), the latter being the ranges where
 * the plan does not tell them apart, such as the NANP's. So a mainland landline is refused, and so is a national
 * form written without its country code that reads as one, e.g. "(415) 555-0100" (+86 415 5550100).
 */
public final class LibPhoneNumberPlan implements PhoneNumberPlan {

    /**
     * What customers type: digits, spaces, hyphens, dots and parentheses, after an optional '+' or "(+" ("(+86) 138…").
     * libphonenumber would also read letters ("1-800-FLOWERS"), extensions and "tel:" URIs: refused here.
     */
    private static final Pattern WRITTEN = Pattern.compile("\\(?\\+?[0-9 ().-]{1,40}");
    private static final Set<PhoneNumberType> SMS_TYPES = Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    /** libphonenumber's one instance; it reads a region's metadata from the jar on first use and keeps it. */
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public Optional<PhoneNumber> parse(String raw) {
        String written = PhoneNumber.written(raw);
        if (!WRITTEN.matcher(written).matches()) {
            return Optional.empty();
        }
        Phonenumber.PhoneNumber number;
        try {
            number = util.parse(written, PhoneNumber.DOMESTIC_REGION);
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
        if (!util.isValidNumber(number) || !SMS_TYPES.contains(util.getNumberType(number))) {
            return Optional.empty();
        }
        String region = util.getRegionCodeForNumber(number);
        return Optional.of(new PhoneNumber(util.format(number, PhoneNumberFormat.E164),
                PhoneNumber.DOMESTIC_REGION.equals(region), region));
    }

    /**
     * SnapStart priming: reads an example mobile number of every region, so that every region's metadata is loaded
     * once, before the snapshot, rather than by the first number of that region after each restore. Returns how
     * many regions' numbers were read.
     */
    public int prime() {
        int read = 0;
        for (String region : util.getSupportedRegions()) {
            Phonenumber.PhoneNumber example = util.getExampleNumberForType(region, PhoneNumberType.MOBILE);
            if (example != null && parse(util.format(example, PhoneNumberFormat.INTERNATIONAL)).isPresent()) {
                read++;
            }
        }
        return read;
    }
}
