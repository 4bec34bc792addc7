package smsplatform.domain;

/** What a template is for (DESIGN §10); each type has its own review rules. */
public enum TemplateType { VERIFICATION_CODE, NOTIFICATION, MARKETING }
