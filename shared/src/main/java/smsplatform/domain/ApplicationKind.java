package smsplatform.domain;

/** What an applicant submits for review: a signature (§5) or a template (§10). Ids are unique across kinds. */
public enum ApplicationKind { SIGNATURE, TEMPLATE }
