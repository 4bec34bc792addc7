package smsplatform.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The expiration rules of the template's buckets ({@code LifecycleConfiguration}: enabled rules with
 * {@code ExpirationInDays} and a prefix), applied by the local stack as S3 applies them: an object
 * older than the rule's days is deleted. S3 runs its lifecycle about once a day; here once an hour.
 */
final class BucketLifecycle implements AutoCloseable {

    record Expiration(String bucket, String prefix, int days) {}

    private final List<Expiration> rules;
    private final S3Client s3;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bucket-lifecycle");
        t.setDaemon(true);
        return t;
    });

    BucketLifecycle(StackPlan plan, S3Client s3) {
        this.rules = rules(plan);
        this.s3 = s3;
    }

    static List<Expiration> rules(StackPlan plan) {
        List<Expiration> rules = new ArrayList<>();
        plan.bucketNames.forEach((id, bucket) -> {
            Map<String, Object> lifecycle = Template.map(plan.template.properties(id).get("LifecycleConfiguration"));
            for (Object r : Template.list(lifecycle.get("Rules"))) {
                Map<String, Object> rule = Template.map(r);
                Object days = rule.get("ExpirationInDays");
                if (days == null || !"Enabled".equals(plan.resolve(rule.get("Status")))) {
                    continue;
                }
                Object prefix = rule.containsKey("Prefix") ? rule.get("Prefix")
                        : Template.map(rule.get("Filter")).get("Prefix");
                rules.add(new Expiration(bucket, prefix == null ? "" : plan.resolve(prefix),
                        Integer.parseInt(plan.resolve(days))));
            }
        });
        return List.copyOf(rules);
    }

    void start() {
        if (!rules.isEmpty()) {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    expire(Instant.now());
                } catch (RuntimeException e) {
                    System.err.println("sms-local: bucket lifecycle: " + e); // tried again at the next run
                }
            }, 1, 60, TimeUnit.MINUTES);
        }
    }

    /** Deletes what the rules expire as of {@code now}; returns the keys deleted. */
    List<String> expire(Instant now) {
        List<String> deleted = new ArrayList<>();
        for (Expiration rule : rules) {
            Instant cutoff = now.minus(Duration.ofDays(rule.days()));
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(rule.bucket()).prefix(rule.prefix()))) {
                for (S3Object object : page.contents()) {
                    if (object.lastModified().isBefore(cutoff)) {
                        s3.deleteObject(b -> b.bucket(rule.bucket()).key(object.key()));
                        deleted.add(object.key());
                    }
                }
            }
        }
        return deleted;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
