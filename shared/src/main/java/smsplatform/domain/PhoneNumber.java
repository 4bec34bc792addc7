package smsplatform.domain;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A recipient normalised to E.164, with its region (DESIGN §4: domestic means +86). */
public record PhoneNumber(String e164, boolean domestic, String isoCode) {

    private static final Pattern DOMESTIC = Pattern.compile("(?:\\+86|0086|86)?(1[3-9][0-9]{9})");
    private static final Pattern INTERNATIONAL = Pattern.compile("(?:\\+|00)([1-9][0-9]{6,14})");

    /** Calling codes of the regions we name; others report "ZZ" (unknown region). */
    private static final Map<String, String> ISO_BY_CALLING_CODE = Map.ofEntries(
            Map.entry("1", "US"), Map.entry("44", "GB"), Map.entry("33", "FR"), Map.entry("49", "DE"),
            Map.entry("81", "JP"), Map.entry("82", "KR"), Map.entry("65", "SG"), Map.entry("61", "AU"),
            Map.entry("91", "IN"), Map.entry("852", "HK"), Map.entry("853", "MO"), Map.entry("886", "TW"),
            Map.entry("60", "MY"), Map.entry("66", "TH"), Map.entry("84", "VN"), Map.entry("62", "ID"),
            Map.entry("63", "PH"), Map.entry("7", "RU"), Map.entry("55", "BR"), Map.entry("971", "AE"));

    /** True when the raw text is written as an international number outside mainland China. */
    public static boolean looksInternational(String raw) {
        String s = raw == null ? "" : raw.strip();
        return (s.startsWith("+") && !s.startsWith("+86")) || (s.startsWith("00") && !s.startsWith("0086"));
    }

    public static Optional<PhoneNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        var domestic = DOMESTIC.matcher(s);
        if (domestic.matches()) {
            return Optional.of(new PhoneNumber("+86" + domestic.group(1), true, "CN"));
        }
        var international = INTERNATIONAL.matcher(s);
        if (international.matches() && !international.group(1).startsWith("86")) {
            String digits = international.group(1);
            return Optional.of(new PhoneNumber("+" + digits, false, isoCode(digits)));
        }
        return Optional.empty();
    }

    private static String isoCode(String digits) {
        for (int length = 3; length >= 1; length--) {
            String iso = ISO_BY_CALLING_CODE.get(digits.substring(0, length));
            if (iso != null) {
                return iso;
            }
        }
        return "ZZ";
    }
}
