package smsplatform.domain;

/** A result of the automatic review: BLOCKING findings reject at once, ADVISORY ones inform the reviewer. */
public record Finding(String code, Severity severity, String message) {
    public enum Severity { BLOCKING, ADVISORY }
}
