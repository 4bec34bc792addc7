package smsplatform.domain;

/** Where an IN_REVIEW signature is: waiting for the automatic checks, or for a human reviewer. */
public enum ReviewStage {
    AUTOMATIC, MANUAL
}
