package smsplatform.ports;

/** Hands one rendered SMS to a carrier. */
public interface Carrier {

    enum Outcome { DELIVERED, TRANSIENT_FAILURE, PERMANENT_FAILURE }

    record Result(Outcome outcome, String detail) {}

    /** {@code serialNo} lets a carrier that deduplicates drop a duplicate hand-over of the same message. */
    Result deliver(String serialNo, String phoneNumber, String text);

    /**
     * Whether handing the same serial number over twice delivers it once. Where it does not, a message
     * whose hand-over was interrupted (outcome unknown) is not handed over again.
     */
    boolean deduplicatesBySerialNo();
}
