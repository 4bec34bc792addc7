package smsplatform.functions.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import smsplatform.aws.AwsClients;
import smsplatform.log.Log;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The custom resource that turns on SNS's SMS delivery-status logs: CloudFormation has no resource for
 * the account's SMS settings (its Amazon SNS resource types are Subscription, Topic, TopicInlinePolicy and
 * TopicPolicy, https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_SNS.html), so
 * Create and Update call SetSMSAttributes with {@code DeliveryStatusIAMRole} (the role SNS writes the logs
 * with) and {@code DeliveryStatusSuccessSamplingRate} (0-100, the share of successes logged; failures are
 * always logged), https://docs.aws.amazon.com/sns/latest/api/API_SetSMSAttributes.html.
 * Delete changes nothing and succeeds: the settings are the account's in this Region, not the stack's,
 * and a failed Delete would leave the stack stuck; SNS stops logging once the role is gone with the stack.
 * Every request is answered on its ResponseURL ({@link CloudFormationResponse}).
 */
public final class SmsLoggingSettingsHandler implements RequestHandler<Map<String, Object>, Void> {

    /** The resource is the account's SMS settings in this Region: one id, the same in every answer. */
    static final String PHYSICAL_ID = "sns-sms-delivery-status-logging";
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern RATE = Pattern.compile("100|[1-9]?[0-9]");

    private final SnsClient sns;
    private final CloudFormationResponse responses;

    public SmsLoggingSettingsHandler() {
        this(AwsClients.sns(), new CloudFormationResponse());
    }

    public SmsLoggingSettingsHandler(SnsClient sns, CloudFormationResponse responses) {
        this.sns = sns;
        this.responses = responses;
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        Log.begin("sms-logging-settings", context == null ? null : context.getAwsRequestId());
        String type = String.valueOf(event.get("RequestType"));
        String status = "SUCCESS";
        String reason = null;
        try {
            if (type.equals("Create") || type.equals("Update")) {
                Map<String, String> attributes = attributes(event.get("ResourceProperties"));
                sns.setSMSAttributes(b -> b.attributes(attributes));
                Log.info("sms-attributes-set", "requestType", type, "attributes", attributes);
            } else if (!type.equals("Delete")) {
                throw new IllegalArgumentException("unknown RequestType " + type);
            }
        } catch (RuntimeException e) {
            Log.error("sms-attributes-not-set", e, "requestType", type);
            status = "FAILED";
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Status", status);
        if (reason != null) {
            response.put("Reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        }
        response.put("PhysicalResourceId", PHYSICAL_ID);
        response.put("StackId", event.get("StackId"));
        response.put("RequestId", event.get("RequestId"));
        response.put("LogicalResourceId", event.get("LogicalResourceId"));
        responses.send(String.valueOf(event.get("ResponseURL")), response);
        return null;
    }

    /** The two attributes, checked before SNS is called: a role ARN and a whole percentage. */
    static Map<String, String> attributes(Object properties) {
        if (!(properties instanceof Map<?, ?> p)) {
            throw new IllegalArgumentException("no ResourceProperties");
        }
        String role = String.valueOf(p.get("DeliveryStatusIAMRole"));
        String rate = String.valueOf(p.get("DeliveryStatusSuccessSamplingRate"));
        if (!ROLE_ARN.matcher(role).matches()) {
            throw new IllegalArgumentException("DeliveryStatusIAMRole is not an IAM role ARN");
        }
        if (!RATE.matcher(rate).matches()) {
            throw new IllegalArgumentException("DeliveryStatusSuccessSamplingRate is not a whole number from 0 to 100");
        }
        return Map.of("DeliveryStatusIAMRole", role, "DeliveryStatusSuccessSamplingRate", rate);
    }
}
