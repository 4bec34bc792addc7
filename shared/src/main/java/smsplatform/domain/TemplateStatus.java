package smsplatform.domain;

/** A template's status (DESIGN §10): it is reviewed from the moment it is submitted. */
public enum TemplateStatus implements ApplicationStatus { IN_REVIEW, APPROVED, REJECTED }
