package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.json.Json;

/** What the local stack reads from a template besides resources: Schedule events and parameter values. */
class StackPlanTest {

    @TempDir
    Path dir;

    StackPlan plan(String events) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, String.join("\n",
                "Parameters:",
                "  Every: {Type: String, Default: rate(5 minutes)}",
                "Resources:",
                "  TickFunction:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      CodeUri: tick.jar",
                "      Handler: tick.Handler::handleRequest",
                "      Events:",
                events));
        return new StackPlan(Template.read(template), dir, Map.of(), q -> q);
    }

    @Test
    void theSweeperOfTheTemplateRunsEveryMinuteOnARuleOfItsOwn() throws Exception {
        StackPlan plan = new StackPlan(Template.read(TemplateTest.TEMPLATE), RunningStack.PROJECT, Map.of(), q -> q);
        assertThat(plan.function("MessageSweeperFunction").schedules()).containsExactly(new LocalFunction.ScheduleTrigger(
                "sms-local-MessageSweeperFunctionSweep", Duration.ofMinutes(1), null));
        assertThat(plan.functions).filteredOn(f -> !f.schedules().isEmpty()).extracting(LocalFunction::logicalId)
                .containsExactly("MessageSweeperFunction");
    }

    @Test
    void scheduleEventsKeepTheirRateNameAndInputAndDisabledOnesDoNotRun() throws Exception {
        StackPlan plan = plan(String.join("\n",
                "        Often: {Type: Schedule, Properties: {Schedule: !Ref Every}}",
                "        Named: {Type: Schedule, Properties: {Schedule: rate(2 hours), Name: nightly, Input: '{\"a\": 1}'}}",
                "        Disabled: {Type: Schedule, Properties: {Schedule: rate(1 day), Enabled: false}}",
                "        Paused: {Type: Schedule, Properties: {Schedule: rate(1 day), State: DISABLED}}"));
        assertThat(plan.function("TickFunction").schedules()).containsExactly(
                new LocalFunction.ScheduleTrigger("sms-local-TickFunctionOften", Duration.ofMinutes(5), null),
                new LocalFunction.ScheduleTrigger("nightly", Duration.ofHours(2), "{\"a\": 1}"));
    }

    @Test
    void aScheduleTheLocalStackCannotRunIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> plan("        Cron: {Type: Schedule, Properties: {Schedule: 'cron(0 8 * * ? *)'}}"))
                .hasMessageContaining("cron expression is not supported");
        assertThatThrownBy(() -> LocalFunction.ScheduleTrigger.rate("rate(0 minutes)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan("        V2: {Type: ScheduleV2, Properties: {ScheduleExpression: rate(1 minute)}}"))
                .hasMessageContaining("ScheduleV2 is not supported by sms-local");
    }

    @Test
    void theScheduledEventIsWhatLambdasOwnSerializerReadsAsAScheduledEvent() {
        LocalFunction.ScheduleTrigger trigger = new LocalFunction.ScheduleTrigger("sms-local-TickFunctionOften",
                Duration.ofMinutes(1), null);
        String json = Json.write(ScheduleEventSource.scheduledEvent(trigger, Instant.parse("2026-11-27T08:00:01.250Z")));
        ScheduledEvent event = LambdaEventSerializers.serializerFor(ScheduledEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getResources()).containsExactly("arn:aws:events:us-east-1:000000000000:rule/sms-local-TickFunctionOften");
        assertThat(event.getTime().getMillis()).isEqualTo(Instant.parse("2026-11-27T08:00:01Z").toEpochMilli());
        assertThat(event.getDetail()).isEmpty();
    }

    @Test
    void parameterOverridesTakeSamsFormAndMustNameAParameterOfTheTemplate() throws Exception {
        assertThat(SmsLocal.parameterOverrides(" Every=\"rate(1 minute)\"  Other=x=y ")).containsExactly(
                Map.entry("Every", "rate(1 minute)"), Map.entry("Other", "x=y"));
        assertThat(SmsLocal.parameterOverrides("")).isEmpty();
        assertThatThrownBy(() -> SmsLocal.parameterOverrides("Every=x nonsense")).hasMessageContaining("'nonsense'");
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, "Parameters:\n  Every: {Type: String, Default: x}\nResources: {}\n");
        assertThat(new StackPlan(Template.read(template), dir, Map.of("Every", "y"), q -> q).parameters)
                .containsEntry("Every", "y");
        assertThatThrownBy(() -> new StackPlan(Template.read(template), dir, Map.of("Evry", "y"), q -> q))
                .hasMessage("template.yaml has no parameter Evry");
    }

    @Test
    void aTopicDeliversToTheQueuesOfItsSqsSubscriptionsRawOnlyWhereTheySaySoAndAFilterPolicyIsRefused() throws Exception {
        Path template = dir.resolve("topics.yaml");
        Files.writeString(template, String.join("\n",
                "Parameters:",
                "  Email: {Type: String, Default: ''}",
                "Conditions:",
                "  HasEmail: !Not [!Equals [!Ref Email, '']]",
                "Resources:",
                "  Events: {Type: AWS::SNS::Topic, Properties: {TopicName: events}}",
                "  Plain: {Type: AWS::SNS::Topic}",
                "  Enveloped: {Type: AWS::SQS::Queue}",
                "  Raw: {Type: AWS::SQS::Queue, Properties: {QueueName: raw-events}}",
                "  ToEnveloped: {Type: AWS::SNS::Subscription, Properties: {TopicArn: !Ref Events, Protocol: sqs, Endpoint: !GetAtt Enveloped.Arn}}",
                "  ToRaw: {Type: AWS::SNS::Subscription, Properties: {TopicArn: !Ref Events, Protocol: sqs, Endpoint: !GetAtt Raw.Arn, RawMessageDelivery: 'true'}}",
                "  ToEmail: {Type: AWS::SNS::Subscription, Condition: HasEmail, Properties: {TopicArn: !Ref Plain, Protocol: email, Endpoint: !Ref Email}}"));
        StackPlan plan = new StackPlan(Template.read(template), dir, Map.of("Email", "ops@example.com"), q -> q);
        String events = "arn:aws:sns:us-east-1:" + SqsEmulator.ACCOUNT + ":events";
        assertThat(plan.topicArns).containsEntry("Events", events)
                .containsEntry("Plain", "arn:aws:sns:us-east-1:" + SqsEmulator.ACCOUNT + ":sms-local-Plain");
        assertThat(plan.resolve(Map.of("Ref", "Events"))).isEqualTo(events);
        assertThat(plan.topicSubscriptions).as("an email reaches nothing on this machine").containsOnlyKeys(events);
        assertThat(plan.topicSubscriptions.get(events)).containsExactly(new StackPlan.QueueSubscription("Enveloped", false),
                new StackPlan.QueueSubscription("raw-events", true));

        Files.writeString(template, Files.readString(template).replace("RawMessageDelivery: 'true'",
                "FilterPolicy: {kind: [reply]}"));
        assertThatThrownBy(() -> new StackPlan(Template.read(template), dir, Map.of(), q -> q))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ToRaw: a subscription's FilterPolicy");
    }
}
