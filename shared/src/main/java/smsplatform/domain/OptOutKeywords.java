package smsplatform.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The replies that change whether a number takes an account's marketing (DESIGN §12): a reply that is exactly
 * one of these words, after NFKC (full-width letters become ASCII), trimming and ignoring case. Anything more
 * ("TD please", "STOP!") is an ordinary reply: a keyword is never guessed.
 */
public final class OptOutKeywords {

    public enum Action { OPT_OUT, OPT_IN }

    private static final Map<String, Action> KEYWORDS = Map.of(
            "R", Action.OPT_OUT, "T", Action.OPT_OUT, "TD", Action.OPT_OUT, "N", Action.OPT_OUT,
            "STOP", Action.OPT_OUT, "UNSUBSCRIBE", Action.OPT_OUT, "退订", Action.OPT_OUT, "拒收", Action.OPT_OUT,
            "START", Action.OPT_IN);

    private OptOutKeywords() {
    }

    public static Optional<Action> of(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        String word = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(KEYWORDS.get(word));
    }
}
