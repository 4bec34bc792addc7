package smsplatform.domain;

/** A template's status (DESIGN §10): it is reviewed from the moment it is submitted. */
public enum TemplateStatus { IN_REVIEW, APPROVED, REJECTED }
