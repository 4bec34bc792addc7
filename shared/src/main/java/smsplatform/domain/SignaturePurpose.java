package smsplatform.domain;

public enum SignaturePurpose {
    /** The signature identifies the applicant itself or something it owns. */
    SELF_USE,
    /** Applying on behalf of an enterprise or public institution that authorised the applicant. */
    FOR_OTHERS
}
