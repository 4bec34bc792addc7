package smsplatform.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gaul.s3proxy.CrossOriginResourceSharing;

/**
 * The template's bucket CORS rules ({@code CorsConfiguration}), as the S3 emulator applies them: the console uploads
 * to and previews from the bucket on another origin. S3Proxy has one CORS configuration for all its buckets, so
 * the template may give at most one (the certificates bucket's) and at most one rule.
 * CloudFormation's CorsRule: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-corsrule.html
 */
final class BucketCors {

    private BucketCors() {}

    static CrossOriginResourceSharing of(StackPlan plan) {
        List<Map<String, Object>> rules = new ArrayList<>();
        plan.bucketNames.keySet().forEach(id -> {
            Object cors = plan.choose(plan.template.properties(id).get("CorsConfiguration"));
            Template.list(Template.map(cors).get("CorsRules")).forEach(r -> rules.add(Template.map(r)));
        });
        if (rules.isEmpty()) {
            return CrossOriginResourceSharing.disabled();
        }
        if (rules.size() > 1) {
            throw new IllegalArgumentException("sms-local applies one bucket CORS rule; template.yaml declares " + rules.size());
        }
        Map<String, Object> rule = rules.get(0);
        // S3Proxy reads each allowed origin as a regular expression: quoted, an origin matches only itself.
        return new CrossOriginResourceSharing(plan.strings(rule.get("AllowedOrigins")).stream().map(Pattern::quote).toList(),
                plan.strings(rule.get("AllowedMethods")), plan.strings(rule.get("AllowedHeaders")),
                plan.strings(rule.get("ExposedHeaders")), "false");
    }
}
