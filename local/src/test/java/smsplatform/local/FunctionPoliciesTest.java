package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.local.iam.AwsCall;
import smsplatform.local.iam.Policy.Decision;
import smsplatform.local.iam.Policy;

/** Each function's effective policy, read from template.yaml as SAM would transform it for this stack. */
class FunctionPoliciesTest {

    static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/SmsTable";
    static final String BUCKET = "arn:aws:s3:::sms-certificates-00000000-0000-4000-8000-000000000000";
    static final String QUEUES = "arn:aws:sqs:us-east-1:000000000000:";

    static Policy policy(String function, Map<String, String> parameters) throws Exception {
        StackPlan plan = new StackPlan(Template.read(TemplateTest.TEMPLATE), RunningStack.PROJECT, parameters, q -> q);
        return FunctionPolicies.of(plan, function);
    }

    static Decision decide(Policy policy, String action, String resource) {
        return policy.decide(new AwsCall(action, resource));
    }

    @Test
    void theApplicationApiMayWriteUploadsButNotEvidenceAndQueriesTheTableButNoIndex() throws Exception {
        Policy api = policy("SignaturesApiFunction", Map.of());
        assertThat(decide(api, "s3:PutObject", BUCKET + "/certificates/acc/sig/BUSINESS_LICENSE")).isEqualTo(Decision.ALLOW);
        assertThat(decide(api, "s3:PutObject", BUCKET + "/evidence/acc/sig/abc")).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(api, "s3:DeleteObject", BUCKET + "/evidence/acc/sig/abc")).isEqualTo(Decision.ALLOW);
        assertThat(decide(api, "s3:GetObject", BUCKET + "/certificates/acc/sig/x")).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(api, "dynamodb:Query", TABLE)).isEqualTo(Decision.ALLOW);
        assertThat(decide(api, "dynamodb:Query", TABLE + "/index/BySignatureId")).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(api, "dynamodb:BatchWriteItem", TABLE)).as("not called: not granted").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(api, "dynamodb:PutItem", TABLE + "Other")).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(api, "sqs:SendMessage", QUEUES + "ReviewQueue")).isEqualTo(Decision.ALLOW);
        assertThat(decide(api, "sqs:SendMessage", QUEUES + "OutboundQueue")).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void theDeliveryFunctionMayPublishSmsOnlyWhenTheStackUsesSnsAndNeverToATopic() throws Exception {
        String topic = "arn:aws:sns:us-east-1:000000000000:alerts";
        Policy simulator = policy("DeliveryFunction", Map.of());
        assertThat(decide(simulator, "sns:Publish", "*")).isEqualTo(Decision.IMPLICIT_DENY);
        Policy sns = policy("DeliveryFunction", Map.of("Carrier", "sns"));
        assertThat(decide(sns, "sns:Publish", "*")).as("a phone number").isEqualTo(Decision.ALLOW);
        assertThat(decide(sns, "sns:Publish", topic)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(sns, "sqs:ChangeMessageVisibility", QUEUES + "OutboundQueue"))
                .as("the retry delay").isEqualTo(Decision.ALLOW);
        String sms = "arn:aws:sms-voice:us-east-1:000000000000:phone-number/x";
        assertThat(sns.decide(new AwsCall("sms-voice:SendTextMessage", sms, Map.of("aws:CalledVia", "sns.amazonaws.com"))))
                .as("End User Messaging on SNS's behalf").isEqualTo(Decision.ALLOW);
        assertThat(decide(sns, "sms-voice:SendTextMessage", sms)).as("called directly").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(simulator, "sms-voice:SendTextMessage", sms)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void samAddsTheSqsExecutionRoleToQueueConsumersAndTheOnFailureDestinationToItsFunction() throws Exception {
        Policy review = policy("ReviewQueueFunction", Map.of());
        assertThat(decide(review, "sqs:DeleteMessage", QUEUES + "ReviewQueue")).isEqualTo(Decision.ALLOW);
        Policy api = policy("SendSmsFunction", Map.of());
        assertThat(decide(api, "sqs:DeleteMessage", QUEUES + "OutboundQueue")).as("no SQS event").isEqualTo(Decision.IMPLICIT_DENY);
        Policy check = policy("CertificateCheckFunction", Map.of());
        assertThat(decide(check, "sqs:SendMessage", QUEUES + "CertificateEventsDLQ")).isEqualTo(Decision.ALLOW);
        assertThat(decide(check, "logs:PutLogEvents", "arn:aws:logs:us-east-1:000000000000:log-group:x")).isEqualTo(Decision.ALLOW);
    }

    @Test
    void theReviewerApiReadsEvidenceOnlyAndWritesNoMoreThanItsIdempotencyRecordsNeed() throws Exception {
        Policy reviewer = policy("ReviewerApiFunction", Map.of());
        assertThat(decide(reviewer, "s3:GetObject", BUCKET + "/evidence/acc/sig/abc")).isEqualTo(Decision.ALLOW);
        assertThat(decide(reviewer, "s3:GetObject", BUCKET + "/certificates/acc/sig/abc")).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(reviewer, "s3:ListBucket", BUCKET)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(reviewer, "dynamodb:PutItem", TABLE)).as("an Idempotency-Key's record").isEqualTo(Decision.ALLOW);
        assertThat(decide(reviewer, "dynamodb:DeleteItem", TABLE)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(reviewer, "dynamodb:Query", TABLE)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(reviewer, "dynamodb:Query", TABLE + "/index/ReviewerQueue")).isEqualTo(Decision.ALLOW);
        assertThat(decide(reviewer, "s3:PutObject", BUCKET + "/evidence/acc/sig/abc")).isEqualTo(Decision.IMPLICIT_DENY);
    }
}
