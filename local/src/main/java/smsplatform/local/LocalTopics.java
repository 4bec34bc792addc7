package smsplatform.local;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import smsplatform.json.Json;
import smsplatform.local.iam.AwsCall;
import smsplatform.local.iam.Policy;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The template's SNS topics, as far as they reach this machine: a message an AWS service publishes to a topic goes
 * to each queue the topic's {@code AWS::SNS::Subscription}s of protocol sqs name, in SNS's envelope, or alone where
 * the subscription sets RawMessageDelivery ("Amazon SNS raw message delivery",
 * https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html). The envelope has the
 * fields of the documented SQS notification ("Step 5" of
 * https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html) except those sms-local cannot
 * give truly: there is no SNS signing key or endpoint here, so no Signature, SigningCertURL or UnsubscribeURL.
 * <p>
 * The template's resource policies decide, as on AWS: the topic's {@code AWS::SNS::TopicPolicy} must let the
 * publishing service publish, and the queue's {@code AWS::SQS::QueuePolicy} must let SNS send from that topic;
 * otherwise nothing is delivered and the refusal is printed.
 */
final class LocalTopics {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Who publishes: an AWS service principal and the ARN of its resource that publishes (aws:SourceArn). */
    record Publisher(String service, String sourceArn) {}

    private final StackPlan plan;
    private final SqsClient sqs;
    private final Function<String, String> queueUrl;

    LocalTopics(StackPlan plan, SqsClient sqs, Function<String, String> queueUrl) {
        this.plan = plan;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    boolean declares(String topicId) {
        return plan.topicArns.containsKey(topicId);
    }

    /** Publishes {@code message} to the topic {@code topicId}; its SNS MessageId. */
    String publish(String topicId, String message, Publisher publisher) {
        String topicArn = plan.topicArns.get(topicId);
        if (topicArn == null) {
            throw new IllegalArgumentException("template.yaml declares no topic " + topicId);
        }
        Map<String, String> fromService = Map.of("aws:SourceAccount", SqsEmulator.ACCOUNT, "aws:SourceArn", publisher.sourceArn());
        if (!admits("AWS::SNS::TopicPolicy", "Topics", topicArn, publisher.service(), new AwsCall("sns:Publish", topicArn, fromService))) {
            throw new IllegalStateException("the policy of " + topicId + " does not let " + publisher.service() + " publish");
        }
        String messageId = UUID.randomUUID().toString();
        String envelope = envelope(messageId, topicArn, message, Instant.now());
        for (StackPlan.QueueSubscription subscription : plan.topicSubscriptions.getOrDefault(topicArn, List.of())) {
            String queueArn = SqsEmulator.queueArn(subscription.queueName());
            AwsCall send = new AwsCall("sqs:SendMessage", queueArn,
                    Map.of("aws:SourceAccount", SqsEmulator.ACCOUNT, "aws:SourceArn", topicArn));
            if (admits("AWS::SQS::QueuePolicy", "Queues", queueUrl.apply(subscription.queueName()), "sns.amazonaws.com", send)) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl.apply(subscription.queueName()))
                        .messageBody(subscription.raw() ? message : envelope));
            } else {
                System.err.println("sms-local: no queue policy lets " + topicId + " send to " + subscription.queueName()
                        + ": the message is not delivered there, as on AWS");
            }
        }
        return messageId;
    }

    /** What SNS sends to a queue subscribed without raw message delivery. */
    static String envelope(String messageId, String topicArn, String message, Instant at) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", messageId);
        envelope.put("TopicArn", topicArn);
        envelope.put("Message", message);
        envelope.put("Timestamp", TIMESTAMP.format(at));
        return Json.write(envelope);
    }

    /** Whether some resource policy of {@code type} attached to {@code resource} lets {@code service} make the call. */
    private boolean admits(String type, String attachedTo, String resource, String service, AwsCall call) {
        for (String id : plan.template.resourcesOfType(type)) {
            Map<String, Object> properties = plan.template.properties(id);
            boolean attached = Template.list(properties.get(attachedTo)).stream().map(plan::resolve).anyMatch(resource::equals);
            if (plan.exists(id) && attached && FunctionPolicies.resourcePolicy(plan,
                    Template.map(properties.get("PolicyDocument")), service).decide(call) == Policy.Decision.ALLOW) {
                return true;
            }
        }
        return false;
    }
}
