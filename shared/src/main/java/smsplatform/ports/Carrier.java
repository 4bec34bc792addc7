package smsplatform.ports;

/** Hands one rendered SMS to a carrier. */
public interface Carrier {

    enum Outcome { DELIVERED, TRANSIENT_FAILURE, PERMANENT_FAILURE }

    record Result(Outcome outcome, String detail) {}

    /** {@code serialNo} lets the carrier drop a duplicate hand-over of the same message. */
    Result deliver(String serialNo, String phoneNumber, String text);
}
