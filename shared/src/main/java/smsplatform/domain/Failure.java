package smsplatform.domain;

/**
 * A request the product refuses, with the public error code of DESIGN §4. The category decides the
 * HTTP status at the edge; the domain itself knows nothing of HTTP.
 */
public final class Failure extends RuntimeException {

    public enum Category { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE }

    private final Category category;
    private final String code;
    private final String field;

    public Failure(Category category, String code, String message, String field) {
        super(message, null, false, false);
        this.category = category;
        this.code = code;
        this.field = field;
    }

    public static Failure invalid(String code, String message, String field) {
        return new Failure(Category.INVALID, code, message, field);
    }

    public static Failure invalidField(String field, String message) {
        return new Failure(Category.INVALID, "InvalidParameterValue", message, field);
    }

    public static Failure missingField(String field) {
        return new Failure(Category.INVALID, "MissingParameter", "'" + field + "' is required", field);
    }

    public static Failure notFound(String what) {
        return new Failure(Category.NOT_FOUND, "ResourceNotFound", what + " does not exist", null);
    }

    public static Failure conflict(String code, String message) {
        return new Failure(Category.CONFLICT, code, message, null);
    }

    public Category category() {
        return category;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
