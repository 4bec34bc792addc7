package smsplatform.ports;

import java.util.List;

/** The outbound queue between SendSms and the delivery consumer. */
public interface OutboundQueue {

    record Delivery(String accountId, String serialNo) {}

    void send(List<Delivery> deliveries);
}
