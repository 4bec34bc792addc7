package smsplatform.domain;

/**
 * Rejection reasons, each with the fixed message the applicant sees and the kinds of application it
 * may reject: signatures (DESIGN §5.5), templates (§10) or both.
 */
public enum ReasonCode {
    NON_IDENTIFIABLE_NAME(Applies.SIGNATURE, "The signature does not identify an organisation or person"),
    NAME_MISMATCH_ENTITY(Applies.SIGNATURE,
            "The signature is neither the name of the entity in the documents nor an abbreviation of it"),
    DOCUMENT_MISMATCH(Applies.SIGNATURE, "The documents do not belong to the entity the signature names"),
    DOCUMENT_UNREADABLE(Applies.SIGNATURE, "A document cannot be read; upload a clear, complete copy"),
    DOCUMENT_EXPIRED(Applies.SIGNATURE, "A document has expired; upload a valid one"),
    MISSING_AUTHORIZATION(Applies.SIGNATURE, "Applying for others needs an authorisation letter from the entity"),
    PROHIBITED_CONTENT(Applies.BOTH, "The application contains prohibited content"),
    UNRELEASED_PRODUCT(Applies.SIGNATURE,
            "The product is not released yet; apply with your organisation's name until it is"),
    MISSING_OPT_OUT(Applies.TEMPLATE, "A marketing template must tell the recipient how to opt out (e.g. 拒收请回复R)"),
    MARKETING_IN_NOTIFICATION(Applies.TEMPLATE,
            "Marketing content belongs in a MARKETING template, not in a notification or verification code"),
    UNCLEAR_PURPOSE(Applies.TEMPLATE, "The template does not say what it is about; write a concrete message"),
    VARIABLE_MISUSE(Applies.TEMPLATE, "A variable is declared with a kind that does not fit its use"),
    OTHER(Applies.BOTH, "See the reviewer's comment");

    private enum Applies { SIGNATURE, TEMPLATE, BOTH }

    private final Applies applies;
    private final String message;

    ReasonCode(Applies applies, String message) {
        this.applies = applies;
        this.message = message;
    }

    public boolean appliesToSignatures() {
        return applies != Applies.TEMPLATE;
    }

    public boolean appliesToTemplates() {
        return applies != Applies.SIGNATURE;
    }

    public String message() {
        return message;
    }
}
