package smsplatform.domain;

/** Rejection reasons (DESIGN §5.5), each with the fixed message the applicant sees. */
public enum ReasonCode {
    NON_IDENTIFIABLE_NAME("The signature does not identify an organisation or person"),
    NAME_MISMATCH_ENTITY("The signature is neither the name of the entity in the documents nor an abbreviation of it"),
    DOCUMENT_MISMATCH("The documents do not belong to the entity the signature names"),
    DOCUMENT_UNREADABLE("A document cannot be read; upload a clear, complete copy"),
    DOCUMENT_EXPIRED("A document has expired; upload a valid one"),
    MISSING_AUTHORIZATION("Applying for others needs an authorisation letter from the entity"),
    PROHIBITED_CONTENT("The signature contains prohibited content"),
    UNRELEASED_PRODUCT("The product is not released yet; apply with your organisation's name until it is"),
    OTHER("See the reviewer's comment");

    private final String message;

    ReasonCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
