package smsplatform.service;

import java.time.Clock;
import java.util.Optional;
import smsplatform.domain.CarrierReceipt;
import smsplatform.domain.SmsMessage;
import smsplatform.log.Log;
import smsplatform.ports.CarrierLinks;
import smsplatform.ports.MessageStore;

/**
 * Applies carriers' delivery receipts (DESIGN §11). A receipt names the carrier's id only: it is kept under that
 * id, and applied at once if delivery already linked the id to a message, or by delivery when it links it
 * (a receipt that came before the acceptance was recorded). Applying is conditional on SENT, so a duplicated
 * or late receipt changes nothing and a status never moves backwards.
 */
public final class ReceiptService {

    public enum Outcome { APPLIED, PARKED, ALREADY_APPLIED }

    /** Longer ids are not a carrier's: refused before they reach a key. */
    static final int MAX_CARRIER_ID = 200;

    private final CarrierLinks links;
    private final MessageProgress progress;
    private final Clock clock;

    public ReceiptService(CarrierLinks links, MessageProgress progress, Clock clock) {
        this.links = links;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Applies one receipt, and logs one {@code receipt} line naming its carrier id and what became of it (and, through
     * the log context, the message it belongs to when that is known).
     */
    public Outcome apply(CarrierReceipt receipt) {
        String id = receipt.carrierMessageId();
        if (id == null || id.isBlank() || id.length() > MAX_CARRIER_ID) {
            throw new IllegalArgumentException("a receipt without a usable carrier message id");
        }
        Log.forget("accountId", "serialNo");
        Optional<MessageStore.Ref> ref = links.park(receipt);
        Outcome outcome = ref.map(r -> applyLinked(r, receipt)).orElse(Outcome.PARKED);
        Log.info("receipt", "carrierMessageId", id, "outcome", outcome.name(),
                "reason", outcome == Outcome.PARKED ? "its hand-over is not recorded yet" : null);
        return outcome;
    }

    private Outcome applyLinked(MessageStore.Ref ref, CarrierReceipt receipt) {
        Log.context("accountId", ref.accountId(), "serialNo", ref.serialNo().value());
        Optional<SmsMessage> message = progress.find(ref);
        if (message.isEmpty()) {
            Log.warn("receipt.ignored", "reason", "no such message");
            return Outcome.ALREADY_APPLIED;
        }
        return progress.receipt(message.get(), receipt, clock.instant()) ? Outcome.APPLIED : Outcome.ALREADY_APPLIED;
    }
}
