package smsplatform.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A recipient normalised to E.164, with its real region (ISO 3166-1 alpha-2); domestic means mainland China
 * (DESIGN §4). A {@link PhoneNumberPlan} reads the written forms.
 */
public record PhoneNumber(String e164, boolean domestic, String isoCode) {

    public static final String DOMESTIC_REGION = "CN";
    private static final Pattern SEPARATORS = Pattern.compile("[ ().-]");

    /** A written number as it is read: NFKC (full-width digits, plus sign and spaces become ASCII), trimmed. */
    public static String written(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    }

    /** True when written with an international prefix, '+' or '00', other than mainland China's (separators aside). */
    public static boolean looksInternational(String raw) {
        String s = SEPARATORS.matcher(written(raw)).replaceAll("");
        return (s.startsWith("+") && !s.startsWith("+86")) || (s.startsWith("00") && !s.startsWith("0086"));
    }
}
