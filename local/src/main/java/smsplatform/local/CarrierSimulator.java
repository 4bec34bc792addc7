package smsplatform.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import smsplatform.json.Json;

/**
 * The local carrier: records exactly the text each handset receives, once per serial number (a repeated
 * hand-over of the same message is acknowledged with the same message id and not delivered again), and
 * reports each message's fate later in a delivery receipt ({@link CarrierReceipts}). Persisted as JSON lines
 * in the data dir. Test numbers (README, "Test numbers"):
 * <ul>
 * <li>…0400 refused for good (a permanent failure); …0503 refused for now once per message (a transient
 * failure); …0599 refused for now every time (the dead-letter path);</li>
 * <li>…0404 accepted, but its receipt says UNDELIVERED (the handset receives nothing);</li>
 * <li>…0202 its receipt comes twice; …0303 its receipt comes before the carrier answers the hand-over.</li>
 * </ul>
 * Messages are taken only with this start's {@link #secret()}, which sms-local gives the stack's delivery
 * function alone.
 */
final class CarrierSimulator {

    record Received(String serialNo, String phoneNumber, String text, String receivedAt, String messageId,
                    boolean delivered) {}

    enum Answer { ACCEPTED, DUPLICATE, REFUSED_FOR_GOOD, REFUSED_FOR_NOW }

    /** The answer to a hand-over; {@code message} is what was accepted (null when refused). */
    record Handover(Answer answer, Received message) {}

    private final Path inbox;
    private final String secret = newSecret();
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Received> bySerial = new HashMap<>();
    private final Set<String> refusedOnce = new HashSet<>();

    CarrierSimulator(Path dataDir) throws IOException {
        this.inbox = dataDir.resolve("carrier/inbox.jsonl");
        Files.createDirectories(inbox.getParent());
        PrivateFiles.ensure(inbox);
        for (String line : Files.readAllLines(inbox, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                Map<String, Object> m = Json.parseObject(line);
                String serial = (String) m.get("serialNo");
                remember(new Received(serial, (String) m.get("phoneNumber"), (String) m.get("text"),
                        (String) m.get("receivedAt"), m.get("messageId") instanceof String id ? id : "sim-" + serial,
                        !Boolean.FALSE.equals(m.get("delivered"))));
            }
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String secret() {
        return secret;
    }

    /** Whether a hand-over presenting this secret comes from the stack's own delivery function. */
    boolean admits(String presented) {
        return presented != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    synchronized Handover deliver(String serialNo, String phoneNumber, String text) throws IOException {
        Received known = bySerial.get(serialNo);
        if (known != null) {
            return new Handover(Answer.DUPLICATE, known);
        }
        if (phoneNumber.endsWith("0400")) {
            return new Handover(Answer.REFUSED_FOR_GOOD, null);
        }
        if (phoneNumber.endsWith("0599") || phoneNumber.endsWith("0503") && refusedOnce.add(serialNo)) {
            return new Handover(Answer.REFUSED_FOR_NOW, null);
        }
        Received r = new Received(serialNo, phoneNumber, text, Instant.now().toString(), "sim-" + UUID.randomUUID(),
                !phoneNumber.endsWith("0404"));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("serialNo", r.serialNo());
        line.put("phoneNumber", r.phoneNumber());
        line.put("text", r.text());
        line.put("receivedAt", r.receivedAt());
        line.put("messageId", r.messageId());
        line.put("delivered", r.delivered());
        Files.writeString(inbox, Json.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        remember(r);
        return new Handover(Answer.ACCEPTED, r);
    }

    private void remember(Received r) {
        received.add(r);
        bySerial.put(r.serialNo(), r);
    }

    /** What the handset shows: the messages it received (not those whose receipt says UNDELIVERED). */
    synchronized List<Received> handset(String phoneNumber) {
        return received.stream().filter(r -> r.delivered() && r.phoneNumber().equals(phoneNumber)).toList();
    }

    /** Every message accepted so far, in order (to send the receipts a restart interrupted). */
    synchronized List<Received> accepted() {
        return List.copyOf(received);
    }
}
