package smsplatform.domain;

/** The status of a signature or of a template, as a history entry records it. */
public sealed interface ApplicationStatus permits SignatureStatus, TemplateStatus {
    String name();
}
