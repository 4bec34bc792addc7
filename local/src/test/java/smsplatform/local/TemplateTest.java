package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import smsplatform.functions.sms.DeliveryHandler;
import smsplatform.support.Parallel;

/** template.yaml is a valid SAM template and declares the whole product as issue #2 asks. */
class TemplateTest {

    static final Path TEMPLATE = RunningStack.PROJECT.resolve("template.yaml");
    static final Path SAM_SCHEMA = RunningStack.PROJECT.getParent().resolve("shared/aws/sam.schema.json");

    static Map<String, Object> longForm() throws Exception {
        try (Reader reader = Files.newBufferedReader(TEMPLATE)) {
            return Template.parse(reader);
        }
    }

    @Test
    void validatesAgainstTheOfficialSamSchema() throws Exception {
        if (!Files.exists(SAM_SCHEMA)) {
            System.out.println("NOTICE: " + SAM_SCHEMA + " is absent (a user's clone): SAM schema validation skipped");
            Assumptions.abort("SAM schema not available beside the project");
        }
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SAM_SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode template = new ObjectMapper().valueToTree(longForm());
        Set<ValidationMessage> errors = schema.validate(template);
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAnInvalidTemplate() throws Exception {
        Assumptions.assumeTrue(Files.exists(SAM_SCHEMA), "SAM schema not available beside the project");
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SAM_SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Map<String, Object> broken = longForm();
        Template.map(Template.map(Template.map(broken.get("Resources")).get("SendSmsFunction")).get("Properties"))
                .put("Handlr", "misspelt");
        assertThat(schema.validate(new ObjectMapper().valueToTree(broken))).isNotEmpty();
    }

    @Test
    void everyRouteOfTheContractIsServedByTheHttpApi() throws Exception {
        StackPlan plan = new StackPlan(Template.read(TEMPLATE), RunningStack.PROJECT, Map.of(), q -> q);
        List<String> routes = new ArrayList<>();
        plan.functions.forEach(f -> f.routes().forEach(r -> routes.add(r.routeKey())));
        assertThat(routes).containsExactlyInAnyOrder(
                "POST /v1/signatures", "GET /v1/signatures", "GET /v1/signatures/{signatureId}",
                "PUT /v1/signatures/{signatureId}", "DELETE /v1/signatures/{signatureId}",
                "POST /v1/signatures/{signatureId}/uploads",
                "POST /v1/templates", "GET /v1/templates", "GET /v1/templates/{templateId}",
                "PUT /v1/templates/{templateId}", "DELETE /v1/templates/{templateId}",
                "GET /v1/reviews", "POST /v1/reviews/{signatureId}/decision",
                "POST /v1/sms/send", "GET /v1/sms/{serialNo}", "GET /v1/sms", "GET /v1/statistics",
                "GET /v1/replies", "GET /v1/opt-outs", "PUT /v1/opt-outs/{number}", "DELETE /v1/opt-outs/{number}",
                "PUT /v1/callbacks", "GET /v1/callbacks", "DELETE /v1/callbacks", "POST /v1/callbacks/secret",
                "GET /v1/callbacks/failures");
        assertThat(plan.jwtConfig().issuer()).isNotBlank();
        assertThat(plan.jwtConfig().audiences()).isNotEmpty();
    }

    @Test
    void httpFunctionsRunOnSnapStartThroughAnAliasAndPrimeTheirHandlers() throws Exception {
        Template template = Template.read(TEMPLATE);
        StackPlan plan = new StackPlan(template, RunningStack.PROJECT, Map.of(), q -> q);
        List<String> http = plan.functions.stream().filter(f -> !f.routes().isEmpty()).map(LocalFunction::logicalId).toList();
        assertThat(http).containsExactlyInAnyOrder("SignaturesApiFunction", "ReviewerApiFunction", "SendSmsFunction");
        for (LocalFunction f : plan.functions) {
            if (!http.contains(f.logicalId())) {
                continue;
            }
            Map<String, Object> properties = template.properties(f.logicalId());
            assertThat(Template.map(properties.get("SnapStart"))).as(f.logicalId()).containsEntry("ApplyOn", "PublishedVersions");
            assertThat(properties.get("AutoPublishAlias")).as(f.logicalId()).isEqualTo("live");
            Class<?> handler = Class.forName(f.handler().split("::")[0]);
            assertThat(org.crac.Resource.class.isAssignableFrom(handler)).as(f.handler() + " primes before the snapshot").isTrue();
        }
    }

    @Test
    void everyQueueHasADeadLetterQueueAndConsumersReportPartialFailures() throws Exception {
        Template template = Template.read(TEMPLATE);
        StackPlan plan = new StackPlan(template, RunningStack.PROJECT, Map.of(), q -> q);
        int consumers = 0;
        for (LocalFunction f : plan.functions) {
            for (LocalFunction.SqsTrigger trigger : f.sqsTriggers()) {
                consumers++;
                assertThat(trigger.reportBatchItemFailures()).as(f.logicalId()).isTrue();
                String queueId = plan.queueNames.entrySet().stream()
                        .filter(e -> e.getValue().equals(trigger.queueName())).findFirst().orElseThrow().getKey();
                Map<String, Object> queue = template.properties(queueId);
                if (!deadLetterTargets(template).contains(queueId)) {
                    Map<String, Object> redrive = Template.map(queue.get("RedrivePolicy"));
                    assertThat(((Number) redrive.get("maxReceiveCount")).intValue()).as(queueId).isBetween(1, 10);
                }
                assertThat(((Number) queue.get("VisibilityTimeout")).intValue()).as(queueId + " visibility")
                        .isGreaterThanOrEqualTo(6 * f.timeoutSeconds());
            }
        }
        assertThat(consumers).isEqualTo(6);
        assertThat(plan.function("OutboundDeadLetterFunction").sqsTriggers())
                .extracting(LocalFunction.SqsTrigger::queueName).containsExactly("OutboundDLQ");
        LocalFunction check = plan.function("CertificateCheckFunction");
        assertThat(check.s3Triggers()).hasSize(1);
        assertThat(check.onFailureQueue()).isEqualTo("CertificateEventsDLQ");
    }

    @Test
    void storageIsPrivateEncryptedAndRecoverable() throws Exception {
        Template template = Template.read(TEMPLATE);
        Map<String, Object> table = template.properties("SmsTable");
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(Template.map(table.get("PointInTimeRecoverySpecification"))).containsEntry("PointInTimeRecoveryEnabled", true);
        assertThat(Template.map(table.get("SSESpecification"))).containsEntry("SSEEnabled", true);
        assertThat(Template.map(table.get("TimeToLiveSpecification"))).containsEntry("Enabled", true);
        Map<String, Object> bucket = template.properties("CertificatesBucket");
        assertThat(bucket).containsKey("BucketName").containsKey("BucketEncryption");
        assertThat(Template.map(bucket.get("PublicAccessBlockConfiguration")).values()).containsOnly(true).hasSize(4);
    }

    @Test
    void theSweeperHasLeastPrivilegeAPendingIndexToReadAndBoundsBeyondTheQueuesOwnRedelivery() throws Exception {
        Template template = Template.read(TEMPLATE);
        Map<String, Object> sweeper = template.properties("MessageSweeperFunction");
        List<Object> policies = Template.list(sweeper.get("Policies"));
        assertThat(policies).as("its own statements, no broad policy template").hasSize(1);
        List<Object> statements = Template.list(Template.map(policies.get(0)).get("Statement"));
        assertThat(statements).extracting(st -> Template.map(st).get("Action")).containsExactly(
                "dynamodb:Query", List.of("dynamodb:GetItem", "dynamodb:UpdateItem"), "sqs:SendMessage");
        assertThat(statements).extracting(st -> Template.map(st).get("Resource")).containsExactly(
                Map.of("Fn::Sub", "${SmsTable.Arn}/index/PendingMessages"), Map.of("Fn::GetAtt", List.of("SmsTable", "Arn")),
                List.of(Map.of("Fn::GetAtt", List.of("OutboundQueue", "Arn")), Map.of("Fn::GetAtt", List.of("CallbackQueue", "Arn"))));
        assertThat(Template.list(template.properties("SmsTable").get("GlobalSecondaryIndexes")))
                .extracting(i -> Template.map(i).get("IndexName")).contains("PendingMessages");

        StackPlan plan = new StackPlan(template, RunningStack.PROJECT, Map.of(), q -> q);
        Map<String, String> env = plan.function("MessageSweeperFunction").environment();
        int visibility = ((Number) template.properties("OutboundQueue").get("VisibilityTimeout")).intValue();
        assertThat(Integer.parseInt(env.get("SWEEP_QUEUED_AFTER_SECONDS"))).as("a held queue message comes back first")
                .isGreaterThan(visibility);
        assertThat(Integer.parseInt(env.get("SWEEP_SENT_AFTER_SECONDS"))).as("no delivery retry still under way")
                .isGreaterThan(DeliveryHandler.MAX_RETRY_SECONDS + plan.function("DeliveryFunction").timeoutSeconds());
    }

    /** Logical ids of the queues some queue's RedrivePolicy names as its dead-letter queue. */
    static List<String> deadLetterTargets(Template template) {
        List<String> targets = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::SQS::Queue")) {
            Object arn = Template.map(template.properties(id).get("RedrivePolicy")).get("deadLetterTargetArn");
            if (arn != null) {
                targets.add(String.valueOf(Template.list(Template.map(arn).get("Fn::GetAtt")).get(0)));
            }
        }
        return targets;
    }

    @Test
    void theOutboundQueueGivesUpOnADeliveryOnlyAfterItsBackoffReachedItsCapOnTheLastRetry() throws Exception {
        Template template = Template.read(TEMPLATE);
        int receives = ((Number) Template.map(template.properties("OutboundQueue").get("RedrivePolicy"))
                .get("maxReceiveCount")).intValue();
        assertThat(DeliveryHandler.retryDelaySeconds(receives - 1)).as("the wait before the last receive")
                .isEqualTo(DeliveryHandler.MAX_RETRY_SECONDS);
        assertThat(DeliveryHandler.retryDelaySeconds(receives - 2)).as("the cap is not reached earlier: no receive wasted")
                .isLessThan(DeliveryHandler.MAX_RETRY_SECONDS);
        long total = 0;
        for (int receive = 1; receive < receives; receive++) {
            assertThat(DeliveryHandler.retryDelaySeconds(receive)).as("SQS's longest visibility timeout").isLessThanOrEqualTo(43_200);
            total += DeliveryHandler.retryDelaySeconds(receive);
        }
        assertThat(total).as("all retries within the queue's default retention of 4 days").isLessThan(345_600);
    }

    @Test
    void theOutboundDeadLetterConsumerMayOnlyReadAndUpdateTheTableAndAnnounceTheFailure() throws Exception {
        Template template = Template.read(TEMPLATE);
        List<Object> policies = Template.list(template.properties("OutboundDeadLetterFunction").get("Policies"));
        assertThat(policies).hasSize(1);
        List<Object> statements = Template.list(Template.map(policies.get(0)).get("Statement"));
        assertThat(statements).extracting(st -> Template.map(st).get("Action"))
                .containsExactly(List.of("dynamodb:GetItem", "dynamodb:UpdateItem"), "sqs:SendMessage");
        assertThat(statements).extracting(st -> Template.map(st).get("Resource"))
                .containsExactly(Map.of("Fn::GetAtt", List.of("SmsTable", "Arn")), Map.of("Fn::GetAtt", List.of("CallbackQueue", "Arn")));
        assertThat(deadLetterTargets(template)).contains("OutboundDLQ");
    }

    @Test
    void everyFunctionKeepsAliveAsManyConnectionsAsItsFanOutHasCallsInFlight() throws Exception {
        Template template = Template.read(TEMPLATE);
        String option = "-Dhttp.maxConnections=" + Parallel.WIDTH;
        Object globals = Template.map(Template.map(template.globalsFunction().get("Environment")).get("Variables"))
                .get("JAVA_TOOL_OPTIONS");
        assertThat(String.valueOf(globals).split(" ")).contains(option);
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            Object own = Template.map(Template.map(template.properties(function).get("Environment")).get("Variables"))
                    .get("JAVA_TOOL_OPTIONS");
            assertThat(own == null || String.valueOf(own).contains(option)).as(function).isTrue();
        }
    }

    @Test
    void everyFunctionIsTracedLogsToAGroupWithRetentionAndHasErrorAndThrottleAlarmsOnTheAlarmTopic() throws Exception {
        Template template = Template.read(TEMPLATE);
        assertThat(template.globalsFunction()).containsEntry("Tracing", "Active");
        List<Map<String, Object>> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(template::properties).toList();
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            Object group = Template.map(Template.map(template.properties(function).get("LoggingConfig")).get("LogGroup"));
            String groupId = String.valueOf(Template.map(group).get("Ref"));
            assertThat(template.resourcesOfType("AWS::Logs::LogGroup")).as(function).contains(groupId);
            Map<String, Object> logGroup = template.properties(groupId);
            assertThat(logGroup.get("RetentionInDays")).as(function).isEqualTo(Map.of("Ref", "LogRetentionDays"));
            assertThat(String.valueOf(logGroup.get("LogGroupName"))).as(function).contains("/aws/lambda/${AWS::StackName}-" + function);
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarms).as(function + " " + metric).anyMatch(a -> "AWS/Lambda".equals(a.get("Namespace"))
                        && metric.equals(a.get("MetricName")) && String.valueOf(a.get("Dimensions")).contains("Ref=" + function + "}"));
            }
        }
        assertThat(alarms).allSatisfy(a -> assertThat(a.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", "AlarmTopic"))));
        assertThat(template.resourcesOfType("AWS::SNS::Topic")).containsExactlyInAnyOrder("AlarmTopic", "InboundSmsTopic");
    }

    @Test
    void everyDeadLetterQueueTheApiAndTheOutboundQueueAgeHaveAnAlarm() throws Exception {
        Template template = Template.read(TEMPLATE);
        List<Map<String, Object>> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(template::properties).toList();
        List<String> deadLetterQueues = new ArrayList<>(deadLetterTargets(template));
        Object onFailure = Template.map(Template.map(Template.map(template.properties("CertificateCheckFunction")
                .get("EventInvokeConfig")).get("DestinationConfig")).get("OnFailure")).get("Destination");
        deadLetterQueues.add(String.valueOf(Template.list(Template.map(onFailure).get("Fn::GetAtt")).get(0)));
        assertThat(deadLetterQueues).containsExactlyInAnyOrder("ReviewDLQ", "ReviewResultsDLQ", "OutboundDLQ",
                "CertificateEventsDLQ", "CallbackDLQ", "InboundSmsDLQ");
        for (String queue : deadLetterQueues) {
            assertThat(alarms).as(queue).anyMatch(a -> "ApproximateNumberOfMessagesVisible".equals(a.get("MetricName"))
                    && String.valueOf(a.get("Dimensions")).contains("[" + queue + ", QueueName]")
                    && ((Number) a.get("Threshold")).intValue() == 0 && "GreaterThanThreshold".equals(a.get("ComparisonOperator")));
        }
        assertThat(alarms).anyMatch(a -> "5xx".equals(a.get("MetricName")) && "AWS/ApiGateway".equals(a.get("Namespace")));
        assertThat(alarms).anyMatch(a -> "ApproximateAgeOfOldestMessage".equals(a.get("MetricName"))
                && String.valueOf(a.get("Dimensions")).contains("[OutboundQueue, QueueName]")
                && ((Number) a.get("Threshold")).intValue() > DeliveryHandler.MAX_RETRY_SECONDS);
        Map<String, Object> api = template.properties("SmsHttpApi");
        assertThat(Template.map(api.get("AccessLogSettings"))).containsEntry("DestinationArn",
                Map.of("Fn::GetAtt", List.of("ApiAccessLogGroup", "Arn")));
        assertThat(String.valueOf(Template.map(api.get("AccessLogSettings")).get("Format"))).contains("$context.requestId");
        assertThat(Template.map(api.get("DefaultRouteSettings"))).containsKeys("ThrottlingBurstLimit", "ThrottlingRateLimit");
        assertThat(template.properties("ApiAccessLogGroup")).containsKey("RetentionInDays");
    }
}
