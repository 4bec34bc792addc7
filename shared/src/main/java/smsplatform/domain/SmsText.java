package smsplatform.domain;

/** The text a handset receives and how many billed parts it takes (DESIGN §4). */
public final class SmsText {

    private static final String GSM7_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {}

    public static String render(String sign, String content, boolean domestic) {
        if (domestic) {
            return "【" + sign + "】" + content;
        }
        return sign == null ? content : "[" + sign + "] " + content;
    }

    /** GSM-7: 160 septets in one part, else 153 per part; otherwise UCS-2: 70, else 67 per part. */
    public static int parts(String text) {
        int septets = gsm7Septets(text);
        if (septets >= 0) {
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    /** Septets needed in GSM-7 (extension characters take two), or -1 if the text needs UCS-2. */
    static int gsm7Septets(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return -1;
            }
        }
        return septets;
    }
}
