package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.local.iam.AwsCall;

/** The action and resource ARNs IAM authorizes for a DynamoDB or SQS request, read from its body. */
class AwsCallsTest {

    static final String TABLES = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    @Test
    void aDynamoDbItemCallIsAuthorizedOnItsTable() {
        assertThat(DynamoDbCalls.of("PutItem", Map.of("TableName", "SmsTable")))
                .containsExactly(new AwsCall("dynamodb:PutItem", TABLES + "SmsTable"));
    }

    @Test
    void aQueryOfAnIndexIsAuthorizedOnTheIndex() {
        assertThat(DynamoDbCalls.of("Query", Map.of("TableName", "SmsTable", "IndexName", "BySignatureId")))
                .containsExactly(new AwsCall("dynamodb:Query", TABLES + "SmsTable/index/BySignatureId"));
    }

    @Test
    void aBatchIsAuthorizedOnEveryTableItNames() {
        assertThat(DynamoDbCalls.of("BatchWriteItem", Map.of("RequestItems", Map.of("A", List.of(), "B", List.of()))))
                .containsExactlyInAnyOrder(new AwsCall("dynamodb:BatchWriteItem", TABLES + "A"),
                        new AwsCall("dynamodb:BatchWriteItem", TABLES + "B"));
        assertThat(DynamoDbCalls.of("BatchGetItem", Map.of("RequestItems", Map.of("A", Map.of()))))
                .containsExactly(new AwsCall("dynamodb:BatchGetItem", TABLES + "A"));
    }

    @Test
    void aTransactionIsAuthorizedAsEachOfItsWrites() {
        assertThat(DynamoDbCalls.of("TransactWriteItems", Map.of("TransactItems", List.of(
                Map.of("Put", Map.of("TableName", "A")), Map.of("ConditionCheck", Map.of("TableName", "B"))))))
                .containsExactly(new AwsCall("dynamodb:PutItem", TABLES + "A"),
                        new AwsCall("dynamodb:ConditionCheckItem", TABLES + "B"));
    }

    @Test
    void anSqsCallIsAuthorizedOnTheQueueItsUrlNamesAndABatchAsItsSingleMessageAction() {
        String url = "http://127.0.0.1:9324/000000000000/sms-local-review-results.fifo";
        assertThat(SqsCalls.of("SendMessageBatch", Map.of("QueueUrl", url))).containsExactly(
                new AwsCall("sqs:SendMessage", "arn:aws:sqs:us-east-1:000000000000:sms-local-review-results.fifo"));
        assertThat(SqsCalls.of("DeleteMessageBatch", Map.of("QueueUrl", url))).extracting(AwsCall::action)
                .containsExactly("sqs:DeleteMessage");
        assertThat(SqsCalls.of("ChangeMessageVisibility", Map.of("QueueUrl", url))).extracting(AwsCall::action)
                .containsExactly("sqs:ChangeMessageVisibility");
        assertThat(SqsCalls.of("GetQueueUrl", Map.of("QueueName", "ReviewQueue"))).containsExactly(
                new AwsCall("sqs:GetQueueUrl", "arn:aws:sqs:us-east-1:000000000000:ReviewQueue"));
    }

    @Test
    void theSignerIsTheAccessKeyIdOfTheSigV4Credential() {
        assertThat(SigV4.accessKeyId("AWS4-HMAC-SHA256 Credential=LOCAL-SendSmsFunction/20261130/us-east-1/sqs/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc")).isEqualTo("LOCAL-SendSmsFunction");
        assertThat(SigV4.accessKeyId(null)).isNull();
        assertThat(SigV4.presignedAccessKeyId("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + "LOCAL-ReviewerApiFunction%2F20261130%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc"))
                .isEqualTo("LOCAL-ReviewerApiFunction");
    }
}
