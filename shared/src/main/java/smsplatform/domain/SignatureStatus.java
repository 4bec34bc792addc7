package smsplatform.domain;

public enum SignatureStatus {
    AWAITING_DOCUMENTS, IN_REVIEW, APPROVED, REJECTED
}
