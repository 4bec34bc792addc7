package smsplatform.domain;

/**
 * A receipt as a carrier reports it: for the message the carrier knows by {@code carrierMessageId}
 * (the id it answered the hand-over with), whether the handset got it, and the receipt to keep.
 */
public record CarrierReceipt(String carrierMessageId, boolean delivered, Receipt receipt) {}
