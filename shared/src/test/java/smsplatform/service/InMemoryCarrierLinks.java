package smsplatform.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import smsplatform.domain.CarrierReceipt;
import smsplatform.ports.CarrierLinks;
import smsplatform.ports.MessageStore;

/** The carrier-id links in memory: both halves meet on one record, the first receipt kept wins. */
public final class InMemoryCarrierLinks implements CarrierLinks {

    private final Map<String, MessageStore.Ref> linked = new HashMap<>();
    private final Map<String, CarrierReceipt> parked = new HashMap<>();

    @Override
    public synchronized Optional<CarrierReceipt> link(String carrierMessageId, MessageStore.Ref message) {
        linked.put(carrierMessageId, message);
        return Optional.ofNullable(parked.get(carrierMessageId));
    }

    @Override
    public synchronized Optional<MessageStore.Ref> park(CarrierReceipt receipt) {
        parked.putIfAbsent(receipt.carrierMessageId(), receipt);
        return Optional.ofNullable(linked.get(receipt.carrierMessageId()));
    }
}
