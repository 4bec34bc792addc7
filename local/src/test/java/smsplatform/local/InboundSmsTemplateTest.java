package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.carrier.TwoWaySms;
import smsplatform.domain.InboundSms;
import smsplatform.json.Json;
import smsplatform.local.iam.AwsCall;
import smsplatform.local.iam.Policy.Decision;
import smsplatform.local.iam.Policy;
import smsplatform.phone.LibPhoneNumberPlan;

/** What template.yaml declares between End User Messaging's two-way channel and the inbound queue, on AWS and locally. */
class InboundSmsTemplateTest {

    static final String ACCOUNT = SqsEmulator.ACCOUNT;
    static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":sms-local-InboundSmsTopic";
    static final String QUEUE = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":InboundSmsQueue";

    static StackPlan plan() throws Exception {
        return new StackPlan(Template.read(TemplateTest.TEMPLATE), RunningStack.PROJECT, Map.of(), q -> "url:" + q);
    }

    static Policy policy(StackPlan plan, String id, String service) {
        return FunctionPolicies.resourcePolicy(plan, Template.map(plan.template.properties(id).get("PolicyDocument")), service);
    }

    @Test
    void endUserMessagingMayPublishToTheInboundTopicForThisAccountsNumbersOnlyAndNothingElseMay() throws Exception {
        StackPlan plan = plan();
        assertThat(plan.topicArns).containsEntry("InboundSmsTopic", TOPIC);
        assertThat(Template.list(plan.template.properties("InboundSmsTopicPolicy").get("Topics")).stream().map(plan::resolve))
                .containsExactly(TOPIC);
        Policy policy = policy(plan, "InboundSmsTopicPolicy", "sms-voice.amazonaws.com");
        String number = "arn:aws:sms-voice:us-east-1:" + ACCOUNT + ":phone-number/phone-1";
        assertThat(policy.decide(publish(TOPIC, ACCOUNT, number))).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(publish(TOPIC, "111122223333", number))).as("another account").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(publish(TOPIC, ACCOUNT, "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-1")))
                .as("another account's number").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(publish(TOPIC, ACCOUNT, "arn:aws:s3:::" + ACCOUNT))).as("another service").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(publish(plan.topicArns.get("AlarmTopic"), ACCOUNT, number))).as("another topic")
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("sns:Subscribe", TOPIC, Map.of("aws:SourceAccount", ACCOUNT, "aws:SourceArn", number))))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy(plan, "InboundSmsTopicPolicy", "sns.amazonaws.com").statements()).isEmpty();
        assertThat(plan.template.properties("InboundSmsTopic")).as("a standard topic: FIFO is not supported")
                .doesNotContainKey("FifoTopic");
    }

    static AwsCall publish(String topic, String account, String sourceArn) {
        return new AwsCall("sns:Publish", topic, Map.of("aws:SourceAccount", account, "aws:SourceArn", sourceArn));
    }

    @Test
    void onlyTheInboundTopicMaySendToTheInboundQueueWhichGivesUpAfterFiveReceives() throws Exception {
        StackPlan plan = plan();
        assertThat(Template.list(plan.template.properties("InboundSmsQueuePolicy").get("Queues")).stream().map(plan::resolve))
                .containsExactly("url:InboundSmsQueue");
        Policy policy = policy(plan, "InboundSmsQueuePolicy", "sns.amazonaws.com");
        Map<String, String> fromTopic = Map.of("aws:SourceArn", TOPIC);
        assertThat(policy.decide(new AwsCall("sqs:SendMessage", QUEUE, fromTopic))).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(new AwsCall("sqs:SendMessage", QUEUE, Map.of("aws:SourceArn", plan.topicArns.get("AlarmTopic")))))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("sqs:SendMessage", QUEUE, Map.of()))).as("no topic").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("sqs:SendMessage", SqsEmulator.queueArn("OutboundQueue"), fromTopic)))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("sqs:ReceiveMessage", QUEUE, fromTopic))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy(plan, "InboundSmsQueuePolicy", "sms-voice.amazonaws.com").statements()).isEmpty();

        Map<String, Object> queue = plan.template.properties("InboundSmsQueue");
        assertThat(((Number) queue.get("VisibilityTimeout")).intValue()).as("six times a 30 s consumer").isGreaterThanOrEqualTo(180);
        assertThat(queue).containsEntry("SqsManagedSseEnabled", true);
        Map<String, Object> redrive = Template.map(queue.get("RedrivePolicy"));
        assertThat(plan.resolve(redrive.get("deadLetterTargetArn"))).isEqualTo(SqsEmulator.queueArn("InboundSmsDLQ"));
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(5);
    }

    @Test
    void theTopicDeliversToTheQueueInItsEnvelopeOnceTheQueueMayReceiveAndTheStackNamesTheTopic() throws Exception {
        StackPlan plan = plan();
        assertThat(plan.topicSubscriptions).containsEntry(TOPIC, List.of(new StackPlan.QueueSubscription("InboundSmsQueue", false)));
        assertThat(plan.template.raw().get("Resources").toString()).contains("DependsOn=InboundSmsQueuePolicy");
        assertThat(plan.template.properties("InboundSmsSubscription")).containsEntry("Protocol", "sqs")
                .containsEntry("RawMessageDelivery", false);
        Map<String, Object> output = Template.map(Template.map(plan.template.raw().get("Outputs")).get("InboundSmsTopicArn"));
        assertThat(output.get("Value")).isEqualTo(Map.of("Ref", "InboundSmsTopic"));
    }

    @Test
    void theEnvelopeTheLocalTopicWritesHoldsTheSimulatorsPayloadAsTheParserReadsIt() {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        String payload = TwoWaySms.payload("+8613800138000", HandsetReplies.ORIGINATION_NUMBER, HandsetReplies.NO_KEYWORD,
                "ＴＤ", "in-1", null);
        String envelope = LocalTopics.envelope("m-1", TOPIC, payload, at);
        assertThat(Json.parseObject(envelope)).containsEntry("Type", "Notification").containsEntry("TopicArn", TOPIC)
                .containsEntry("MessageId", "m-1").containsEntry("Timestamp", "2026-12-01T08:00:00.000Z");
        assertThat(TwoWaySms.parse(envelope, new LibPhoneNumberPlan())).isEqualTo(new InboundSms("in-1", "+8613800138000", "+12065550100", "ＴＤ", at));
    }

    @Test
    void theSampleEventCarriesBodiesAsTheSubscriptionDeliversThemFromTheInboundQueue() throws Exception {
        Map<String, Object> event = Json.parseObject(Files.readString(RunningStack.PROJECT.resolve("events/inbound-sms-replies.json")));
        List<Object> records = Template.list(event.get("Records"));
        assertThat(records).hasSize(2);
        List<InboundSms> replies = records.stream().map(r -> TwoWaySms.parse((String) Template.map(r).get("body"), new LibPhoneNumberPlan())).toList();
        assertThat(replies).extracting(InboundSms::from).containsExactly("+8613800138000", "+8613900139000");
        assertThat(replies).extracting(InboundSms::text).containsExactly("ＴＤ", "好的，谢谢");
        assertThat(records).allSatisfy(r -> assertThat(Template.map(r).get("eventSourceARN")).isEqualTo(QUEUE));
    }
}
