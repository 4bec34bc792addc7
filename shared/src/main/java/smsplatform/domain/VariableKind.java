package smsplatform.domain;

/**
 * The declared kind of a template variable and the values it takes (DESIGN §10). Values are
 * checked after NFKC normalisation; {@link #maxLength} bounds the rendered text.
 */
public enum VariableKind {
    CODE, DIGITS, AMOUNT, DATETIME, NAME, TEXT;

    /** The longest value this kind accepts, in code points. */
    public int maxLength() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Whether a (normalised) value is one this kind takes. */
    public boolean accepts(String value) {
        throw new UnsupportedOperationException("TODO");
    }
}
