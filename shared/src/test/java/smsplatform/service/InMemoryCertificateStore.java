package smsplatform.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import smsplatform.ports.CertificateStore;

/**
 * The certificates bucket in memory: objects by key; presigned requests are {@code memory:} URLs that
 * name the key. {@code beforeRead} runs as an object is read, to interleave another change.
 */
final class InMemoryCertificateStore implements CertificateStore {

    record Stored(byte[] bytes, String contentType) {}

    private final Map<String, Stored> objects = new TreeMap<>();
    Runnable beforeRead = () -> { };

    synchronized void upload(String key, byte[] bytes, String contentType) {
        objects.put(key, new Stored(bytes.clone(), contentType));
    }

    synchronized Map<String, Stored> objects() {
        return Map.copyOf(objects);
    }

    @Override
    public PresignedRequest presignUpload(String key, String contentType, long maxBytes, Duration validFor) {
        return new PresignedRequest("memory:upload/" + key, "POST", Map.of(), Map.of("key", key),
                Instant.now().plus(validFor));
    }

    @Override
    public PresignedRequest presignDownload(String key, Duration validFor) {
        return new PresignedRequest("memory:download/" + key, "GET", Map.of(), Map.of(), Instant.now().plus(validFor));
    }

    @Override
    public synchronized Optional<StoredObject> head(String key) {
        return Optional.ofNullable(objects.get(key)).map(o -> new StoredObject(key, o.bytes().length, o.contentType()));
    }

    @Override
    public Optional<byte[]> read(String key) {
        beforeRead.run();
        synchronized (this) {
            return Optional.ofNullable(objects.get(key)).map(o -> o.bytes().clone());
        }
    }

    @Override
    public synchronized void keepEvidence(String key, byte[] bytes, String contentType) {
        upload(key, bytes, contentType);
    }

    @Override
    public synchronized void delete(String key) {
        objects.remove(key);
    }

    @Override
    public synchronized void deletePrefix(String prefix) {
        objects.keySet().removeIf(key -> key.startsWith(prefix));
    }
}
