package smsplatform.ports;

import java.util.List;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;

/** The outbound queue between SendSms and the delivery consumer. */
public interface OutboundQueue {

    record Delivery(AccountId accountId, SerialNo serialNo) {}

    void send(List<Delivery> deliveries);
}
