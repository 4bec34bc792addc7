package smsplatform.service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.ApprovedTemplate;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateStatus;
import smsplatform.json.Json;
import smsplatform.json.TemplateJson;
import smsplatform.ports.TemplateStore;

/**
 * The template port in memory, for fast service tests: the same contract as DynamoTemplateStore
 * (quota, conditional writes on the version, copies in and out through the stored form), no paging.
 */
final class InMemoryTemplateStore implements TemplateStore {

    private final Map<TemplateId, String> stored = new LinkedHashMap<>();
    private final Map<TemplateId, Long> versions = new LinkedHashMap<>();

    @Override
    public synchronized Template create(Template template, int quota) {
        if (stored.containsKey(template.templateId())) {
            return find(template.accountId(), template.templateId()).orElseThrow();
        }
        long held = stored.values().stream().filter(doc -> doc.contains("\"accountId\":\"" + template.accountId() + "\"")).count();
        if (held >= quota) {
            throw Failure.invalid("FailedOperation.TemplateNumberLimit", "quota", null);
        }
        write(template, 1);
        return template;
    }

    @Override
    public synchronized Optional<Template> find(AccountId accountId, TemplateId templateId) {
        return findById(templateId).filter(t -> t.accountId().equals(accountId));
    }

    @Override
    public synchronized Optional<ApprovedTemplate> findApproved(AccountId accountId, TemplateId templateId) {
        return find(accountId, templateId).flatMap(Template::approved);
    }

    @Override
    public synchronized Optional<Template> findById(TemplateId templateId) {
        String doc = stored.get(templateId);
        return doc == null ? Optional.empty() : Optional.of(TemplateJson.fromStored(Json.parseObject(doc), versions.get(templateId)));
    }

    @Override
    public synchronized boolean save(Template template) {
        Long current = versions.get(template.templateId());
        if (current == null || current != template.version()) {
            return false;
        }
        write(template, current + 1);
        return true;
    }

    @Override
    public synchronized void delete(Template template) {
        stored.remove(template.templateId());
        versions.remove(template.templateId());
    }

    @Override
    public synchronized Page<Template> list(AccountId accountId, TemplateStatus status, int limit, String nextToken) {
        List<Template> all = stored.keySet().stream().map(id -> findById(id).orElseThrow())
                .filter(t -> t.accountId().equals(accountId) && (status == null || t.status() == status))
                .sorted(Comparator.comparing((Template t) -> t.templateId().value()).reversed()).limit(limit).toList();
        return new Page<>(all, null, all.stream().map(t -> t.templateId().value()).toList());
    }

    /** Every account's, for the reviewer queue. */
    synchronized List<Template> all() {
        return stored.keySet().stream().map(id -> findById(id).orElseThrow()).toList();
    }

    int size() {
        return stored.size();
    }

    private void write(Template template, long version) {
        stored.put(template.templateId(), Json.write(TemplateJson.toStored(template)));
        versions.put(template.templateId(), version);
        template.markStored(version);
    }
}
