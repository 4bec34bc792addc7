package smsplatform.ports;

import java.util.Optional;
import smsplatform.domain.CarrierReceipt;

/**
 * Which message a carrier's id names. The carrier answers the hand-over with its id, and its receipt names only
 * that id; the receipt may come before the delivery function has recorded the answer. Both halves meet on one
 * record: whichever arrives second sees the other, so the receipt is applied whatever the order.
 */
public interface CarrierLinks {

    /** Links the carrier's id to the message; the receipt that arrived before the link, if one did. */
    Optional<CarrierReceipt> link(String carrierMessageId, MessageStore.Ref message);

    /** Keeps the receipt under the carrier's id (the first one kept wins); the message, if already linked. */
    Optional<MessageStore.Ref> park(CarrierReceipt receipt);
}
