package smsplatform.service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.Failure;
import smsplatform.domain.Page;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignatureNameRules;
import smsplatform.domain.SignatureStatus;
import smsplatform.json.Json;
import smsplatform.json.SignatureJson;
import smsplatform.ports.SignatureStore;

/**
 * The signature port in memory, for fast service tests: the same contract as DynamoSignatureStore
 * (quota, names unique per account and region, conditional writes on the version, copies in and out
 * through the stored form), no paging and no interrupted creations to repair.
 */
final class InMemorySignatureStore implements SignatureStore {

    private final Map<SignatureId, String> stored = new LinkedHashMap<>();
    private final Map<SignatureId, Long> versions = new LinkedHashMap<>();
    /** account/region/uniqueness key → signature id. */
    private final Map<String, SignatureId> names = new LinkedHashMap<>();
    private final Map<SignatureId, Integer> uploads = new LinkedHashMap<>();

    @Override
    public synchronized Signature create(Signature signature, int quota) {
        if (stored.containsKey(signature.signatureId())) {
            return find(signature.accountId(), signature.signatureId()).orElseThrow();
        }
        claimName(signature);
        if (held(signature.accountId()) >= quota) {
            names.remove(nameKey(signature));
            throw Failure.invalid("FailedOperation.SignNumberLimit", "quota", null);
        }
        write(signature, 1);
        return signature;
    }

    private void claimName(Signature signature) {
        SignatureId holder = names.putIfAbsent(nameKey(signature), signature.signatureId());
        if (holder != null && !holder.equals(signature.signatureId())) {
            boolean approved = findById(holder).map(s -> s.status() == SignatureStatus.APPROVED).orElse(false);
            throw Failure.conflict(approved ? "FailedOperation.SignatureAlreadyExists"
                    : "InvalidParameterValue.SignExistAndUnapproved", "name taken");
        }
    }

    private long held(AccountId accountId) {
        return stored.keySet().stream().filter(id -> findById(id).orElseThrow().accountId().equals(accountId)).count();
    }

    @Override
    public int repair(AccountId accountId) {
        return 0;
    }

    @Override
    public synchronized Optional<Signature> find(AccountId accountId, SignatureId signatureId) {
        return findById(signatureId).filter(s -> s.accountId().equals(accountId));
    }

    @Override
    public synchronized Optional<Signature> findById(SignatureId signatureId) {
        String doc = stored.get(signatureId);
        return doc == null ? Optional.empty()
                : Optional.of(SignatureJson.fromStored(Json.parseObject(doc), versions.get(signatureId)));
    }

    @Override
    public synchronized boolean save(Signature signature) {
        Long current = versions.get(signature.signatureId());
        if (current == null || current != signature.version()) {
            return false;
        }
        write(signature, current + 1);
        return true;
    }

    @Override
    public synchronized boolean rename(Signature signature, String previousName) {
        claimName(signature);
        if (!save(signature)) {
            names.remove(nameKey(signature));
            return false;
        }
        names.remove(nameKey(signature.accountId(), signature.application().international(), previousName));
        return true;
    }

    @Override
    public synchronized boolean claimUploads(AccountId accountId, SignatureId signatureId, int count, int max) {
        int issued = uploads.getOrDefault(signatureId, 0);
        if (issued + count > max) {
            return false;
        }
        uploads.put(signatureId, issued + count);
        return true;
    }

    @Override
    public synchronized void delete(Signature signature) {
        stored.remove(signature.signatureId());
        versions.remove(signature.signatureId());
        uploads.remove(signature.signatureId());
        names.remove(nameKey(signature));
    }

    @Override
    public synchronized Page<Signature> list(AccountId accountId, SignatureStatus status, int limit, String nextToken) {
        List<Signature> all = stored.keySet().stream().map(id -> findById(id).orElseThrow())
                .filter(s -> s.accountId().equals(accountId) && (status == null || s.status() == status))
                .sorted(Comparator.comparing((Signature s) -> s.signatureId().value()).reversed()).limit(limit).toList();
        return new Page<>(all, null, all.stream().map(s -> s.signatureId().value()).toList());
    }

    @Override
    public synchronized Optional<Signature> findByName(AccountId accountId, boolean international, String name) {
        SignatureId id = names.get(nameKey(accountId, international, name));
        return id == null ? Optional.empty() : find(accountId, id);
    }

    /** Stores a signature as it stands (any status), as a test's starting point. */
    synchronized Signature put(Signature signature) {
        claimName(signature);
        write(signature, 1);
        return signature;
    }

    /** Every account's, for the reviewer queue. */
    synchronized List<Signature> all() {
        return stored.keySet().stream().map(id -> findById(id).orElseThrow()).toList();
    }

    synchronized int size() {
        return stored.size();
    }

    private void write(Signature signature, long version) {
        stored.put(signature.signatureId(), Json.write(SignatureJson.toStored(signature)));
        versions.put(signature.signatureId(), version);
        signature.markStored(version);
    }

    private static String nameKey(Signature signature) {
        return nameKey(signature.accountId(), signature.application().international(), signature.name());
    }

    private static String nameKey(AccountId accountId, boolean international, String name) {
        return accountId + "/" + (international ? "INTL" : "CN") + "/" + SignatureNameRules.uniquenessKey(name);
    }
}
