package smsplatform.local.iam;

import java.util.Map;

/**
 * One authorization question IAM answers for a request: an action ("dynamodb:PutItem") on one
 * resource ARN, with the request's condition keys ("s3:prefix", "aws:SecureTransport"…). A request
 * that touches several resources (BatchWriteItem, DeleteObjects) is several calls.
 */
public record AwsCall(String action, String resource, Map<String, String> context) {

    public AwsCall(String action, String resource) {
        this(action, resource, Map.of());
    }
}
