package smsplatform.service;

import java.time.Clock;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateRules;
import smsplatform.domain.TemplateStatus;
import smsplatform.log.Metrics;
import smsplatform.ports.ReviewMessage;
import smsplatform.ports.ReviewQueue;
import smsplatform.ports.TemplateStore;
import smsplatform.support.Ids;

/** Applying for, listing, modifying and deleting templates (the applicant's side, DESIGN §10). */
public final class TemplateService {

    private final TemplateStore store;
    private final ReviewQueue reviewQueue;
    private final Clock clock;
    private final int quota;

    public TemplateService(TemplateStore store, ReviewQueue reviewQueue, Clock clock, int quota) {
        this.store = store;
        this.reviewQueue = reviewQueue;
        this.clock = clock;
        this.quota = quota;
    }

    /** The rules are checked before anything is stored or any quota is used. */
    public Template submit(Caller caller, TemplateApplication request, Ids.Source ids) {
        TemplateApplication application = TemplateRules.validate(request);
        Template template = store.create(Template.apply(caller.accountId(), new TemplateId(ids.next(TemplateId.PREFIX)), application,
                clock.instant()), quota);
        Metrics.count(Metrics.TEMPLATES_SUBMITTED, 1);
        requestAutomaticReviewIfDue(template);
        return template;
    }

    public Template get(Caller caller, TemplateId templateId) {
        return store.find(caller.accountId(), templateId)
                .orElseThrow(() -> Failure.notFound("Template " + templateId));
    }

    /** One page of the caller's templates; {@code nextToken} only as this listing handed it to this account. */
    public Page<Template> list(Caller caller, TemplateStatus status, int limit, String nextToken) {
        Page<Template> page = store.list(caller.accountId(), status, limit,
                PageTokens.open(PageTokens.TEMPLATES, caller.accountId(), nextToken));
        return page.map(t -> t, position -> PageTokens.bind(PageTokens.TEMPLATES, caller.accountId(), position));
    }

    public Template modify(Caller caller, TemplateId templateId, TemplateApplication request) {
        TemplateApplication application = TemplateRules.validate(request);
        Template template = get(caller, templateId);
        template.modify(application, clock.instant());
        if (!store.save(template)) {
            throw Failure.conflict("FailedOperation.ConcurrentModification",
                    "The template changed meanwhile; read it again and retry");
        }
        requestAutomaticReviewIfDue(template);
        return template;
    }

    public void delete(Caller caller, TemplateId templateId) {
        store.delete(get(caller, templateId));
    }

    private void requestAutomaticReviewIfDue(Template template) {
        if (template.awaitsAutomaticReview()) {
            reviewQueue.send(ReviewMessage.automaticReview(template.accountId(), template.templateId(),
                    template.version()));
        }
    }
}
