package smsplatform.ports;

import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.ApprovedTemplate;
import smsplatform.domain.Page;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateStatus;

/** Persistence of templates; every write is a single-item conditional write on {@code version}. */
public interface TemplateStore {

    /**
     * Stores a new template after claiming a quota slot for the account, and returns it as stored.
     * Creating the same template id again (a retry) converges on the same result. Throws a Failure
     * {@code FailedOperation.TemplateNumberLimit} when the account holds {@code quota} templates.
     */
    Template create(Template template, int quota);

    Optional<Template> find(AccountId accountId, TemplateId templateId);

    /**
     * The account's template if it is APPROVED, read on every call (approvals are never cached) and
     * without its review history: what SendSms renders from.
     */
    Optional<ApprovedTemplate> findApproved(AccountId accountId, TemplateId templateId);

    /** Any account's template, for the review pipeline. */
    Optional<Template> findById(TemplateId templateId);

    /** Writes the template if its stored version is still {@code template.version()}; false if not. */
    boolean save(Template template);

    /** Deletes the template and frees its slot. */
    void delete(Template template);

    Page<Template> list(AccountId accountId, TemplateStatus status, int limit, String nextToken);
}
