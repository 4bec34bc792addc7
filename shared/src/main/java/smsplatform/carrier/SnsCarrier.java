package smsplatform.carrier;

import java.util.Map;
import smsplatform.domain.SerialNo;
import smsplatform.ports.Carrier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * The production carrier: SNS {@code Publish} to a phone number, which AWS delivers through End User
 * Messaging SMS. (The {@code pinpointsmsvoicev2} client is served here only up to SDK 2.40.2, and the
 * project does not mix SDK versions.) SNS does not deduplicate by our serial number.
 */
public final class SnsCarrier implements Carrier {

    private final SnsClient sns;

    public SnsCarrier(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public boolean deduplicatesBySerialNo() {
        return false;
    }

    @Override
    public Result deliver(SerialNo serialNo, String phoneNumber, String text) {
        try {
            String messageId = sns.publish(b -> b.phoneNumber(phoneNumber).message(text).messageAttributes(Map.of(
                    "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional")
                            .build()))).messageId();
            return Result.accepted(messageId, "sns message " + messageId);
        } catch (SnsException e) {
            boolean transientError = e.isThrottlingException() || e.statusCode() >= 500;
            return Result.refused(transientError ? Outcome.TRANSIENT_FAILURE : Outcome.PERMANENT_FAILURE,
                    "sns " + e.statusCode() + " " + e.awsErrorDetails().errorCode());
        } catch (SdkClientException e) {
            return Result.refused(Outcome.TRANSIENT_FAILURE, "sns unreachable: " + e.getMessage());
        }
    }
}
