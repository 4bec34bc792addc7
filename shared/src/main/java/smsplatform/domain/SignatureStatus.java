package smsplatform.domain;

public enum SignatureStatus implements ApplicationStatus {
    AWAITING_DOCUMENTS, IN_REVIEW, APPROVED, REJECTED
}
