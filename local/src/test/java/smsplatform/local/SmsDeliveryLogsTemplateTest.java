package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.local.iam.AwsCall;
import smsplatform.local.iam.Policy.Decision;
import smsplatform.local.iam.Policy;

/** What template.yaml declares for receipts from SNS's SMS delivery-status logs, on AWS and for sms-local. */
class SmsDeliveryLogsTemplateTest {

    static final String SUCCESSES = "sns/us-east-1/000000000000/DirectPublishToPhoneNumber";
    static final String FAILURES = SUCCESSES + "/Failure";
    static final Map<String, String> FILTERS = Map.of("SmsDeliverySuccessSubscription", SUCCESSES,
            "SmsDeliveryFailureSubscription", FAILURES);

    static StackPlan plan(Map<String, String> parameters) throws Exception {
        return new StackPlan(Template.read(TemplateTest.TEMPLATE), RunningStack.PROJECT, parameters, q -> q);
    }

    @Test
    void bothSubscriptionFiltersExistLocallyTooAndNameTheGroupsSnsWritesToWhetherTheStackCreatesThemOrNot() throws Exception {
        for (Map<String, String> parameters : List.of(Map.<String, String>of(), Map.of("SmsDeliveryLogGroups", "existing"),
                Map.of("Carrier", "sns"))) {
            StackPlan plan = plan(parameters);
            assertThat(plan.template.resourcesOfType("AWS::Logs::SubscriptionFilter"))
                    .containsExactlyInAnyOrderElementsOf(FILTERS.keySet());
            FILTERS.forEach((filter, group) -> {
                assertThat(plan.exists(filter)).as(filter).isTrue();
                Map<String, Object> properties = plan.template.properties(filter);
                assertThat(plan.resolve(plan.choose(properties.get("LogGroupName")))).as(parameters + " " + filter).isEqualTo(group);
                assertThat(properties.get("DestinationArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("ReceiptFunction", "Arn")));
                assertThat(properties.get("FilterPattern")).as("every record").isEqualTo("");
            });
        }
        assertThat(plan(Map.of()).exists("SmsDeliverySuccessLogs")).isTrue();
        assertThat(plan(Map.of("SmsDeliveryLogGroups", "existing")).exists("SmsDeliverySuccessLogs")).isFalse();
    }

    @Test
    void cloudWatchLogsMayInvokeTheReceiptFunctionForTheEventsOfThoseTwoGroupsOnly() throws Exception {
        StackPlan plan = plan(Map.of());
        Map<String, String> permissions = Map.of("ReceiptSuccessLogsPermission", SUCCESSES, "ReceiptFailureLogsPermission", FAILURES);
        assertThat(plan.template.resourcesOfType("AWS::Lambda::Permission")).containsAll(permissions.keySet());
        permissions.forEach((id, group) -> {
            Map<String, Object> p = plan.template.properties(id);
            assertThat(p).containsEntry("Principal", "logs.amazonaws.com").containsEntry("Action", "lambda:InvokeFunction")
                    .containsEntry("FunctionName", Map.of("Fn::GetAtt", List.of("ReceiptFunction", "Arn")));
            assertThat(plan.resolve(p.get("SourceAccount"))).isEqualTo("000000000000");
            assertThat(plan.resolve(p.get("SourceArn"))).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + group + ":*");
        });
        assertThat(plan.template.raw().get("Resources").toString()).contains("DependsOn=ReceiptSuccessLogsPermission")
                .contains("DependsOn=ReceiptFailureLogsPermission");
    }

    @Test
    void snsWritesTheRecordsWithARoleThatMayOnlyCreateAndWriteThoseTwoGroups() throws Exception {
        StackPlan plan = plan(Map.of("Carrier", "sns"));
        assertThat(plan.exists("SmsDeliveryStatusLogsRole")).isTrue();
        assertThat(plan(Map.of()).exists("SmsDeliveryStatusLogsRole")).as("the simulator needs no SNS role").isFalse();
        Map<String, Object> role = plan.template.properties("SmsDeliveryStatusLogsRole");
        Map<String, Object> trust = Template.map(Template.list(Template.map(role.get("AssumeRolePolicyDocument")).get("Statement")).get(0));
        assertThat(trust).containsEntry("Principal", Map.of("Service", "sns.amazonaws.com")).containsEntry("Action", "sts:AssumeRole");
        List<Object> statements = Template.list(Template.map(Template.map(Template.list(role.get("Policies")).get(0))
                .get("PolicyDocument")).get("Statement"));
        assertThat(statements).hasSize(1);
        Map<String, Object> statement = Template.map(statements.get(0));
        assertThat(statement.get("Action")).isEqualTo(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"));
        String prefix = "arn:aws:logs:us-east-1:000000000000:log-group:";
        assertThat(Template.list(statement.get("Resource")).stream().map(plan::resolve).toList()).containsExactly(
                prefix + SUCCESSES, prefix + SUCCESSES + ":*", prefix + FAILURES, prefix + FAILURES + ":*");
    }

    @Test
    void withSnsACustomResourceTurnsLoggingOnThroughAFunctionThatMayOnlySetSmsAttributesAndPassThatRole() throws Exception {
        assertThat(plan(Map.of()).functions).extracting(LocalFunction::logicalId).doesNotContain("SmsLoggingSettingsFunction");
        StackPlan sns = plan(Map.of("Carrier", "sns"));
        assertThat(sns.function("SmsLoggingSettingsFunction").handler())
                .isEqualTo("smsplatform.functions.sms.SmsLoggingSettingsHandler::handleRequest");
        Map<String, Object> settings = sns.template.properties("SmsLoggingSettings");
        assertThat(sns.exists("SmsLoggingSettings")).isTrue();
        assertThat(settings).containsEntry("ServiceToken", Map.of("Fn::GetAtt", List.of("SmsLoggingSettingsFunction", "Arn")))
                .containsEntry("DeliveryStatusIAMRole", Map.of("Fn::GetAtt", List.of("SmsDeliveryStatusLogsRole", "Arn")));
        assertThat(sns.resolve(settings.get("DeliveryStatusSuccessSamplingRate"))).as("every success, by default").isEqualTo("100");
        Map<String, Object> rate = Template.map(Template.map(sns.template.raw().get("Parameters")).get("SmsDeliverySuccessSamplingRate"));
        assertThat(rate).containsEntry("MinValue", 0).containsEntry("MaxValue", 100);

        Policy policy = FunctionPolicies.of(sns, "SmsLoggingSettingsFunction");
        String role = sns.resolve(Map.of("Fn::GetAtt", List.of("SmsDeliveryStatusLogsRole", "Arn")));
        Map<String, String> toSns = Map.of("iam:PassedToService", "sns.amazonaws.com");
        assertThat(policy.decide(new AwsCall("sns:SetSMSAttributes", "*"))).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(new AwsCall("iam:PassRole", role, toSns))).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(new AwsCall("iam:PassRole", role, Map.of("iam:PassedToService", "lambda.amazonaws.com"))))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("iam:PassRole", "arn:aws:iam::000000000000:role/admin", toSns)))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("sns:Publish", "*"))).isEqualTo(Decision.IMPLICIT_DENY);
    }
}
