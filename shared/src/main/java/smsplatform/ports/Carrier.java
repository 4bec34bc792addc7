package smsplatform.ports;

import smsplatform.domain.SerialNo;

/** Hands one rendered SMS to a carrier. */
public interface Carrier {

    enum Outcome { ACCEPTED, TRANSIENT_FAILURE, PERMANENT_FAILURE }

    /**
     * The carrier's answer. When ACCEPTED, {@code carrierMessageId} is the id the carrier knows the message by:
     * its delivery receipt names that id.
     */
    record Result(Outcome outcome, String carrierMessageId, String detail) {

        public static Result accepted(String carrierMessageId, String detail) {
            return new Result(Outcome.ACCEPTED, carrierMessageId, detail);
        }

        public static Result refused(Outcome outcome, String detail) {
            return new Result(outcome, null, detail);
        }
    }

    /** {@code serialNo} lets a carrier that deduplicates drop a duplicate hand-over of the same message. */
    Result deliver(SerialNo serialNo, String phoneNumber, String text);

    /**
     * Whether handing the same serial number over twice delivers it once (and answers with the same carrier
     * message id). Where it does not, a message whose hand-over was interrupted (outcome unknown) is not handed
     * over again.
     */
    boolean deduplicatesBySerialNo();
}
