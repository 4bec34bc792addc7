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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import smsplatform.json.Json;

/**
 * The local carrier: records exactly the text each handset receives, once per serial number
 * (a repeated hand-over of the same message is acknowledged and not delivered again).
 * Persisted as JSON lines in the data dir. Test numbers: one ending in 0400 is refused for good
 * (a permanent failure), one ending in 0503 is refused once per message (a transient failure), one
 * ending in 0599 is refused for now every time (a transient failure that never ends: the dead-letter path).
 * Messages are taken only with this start's {@link #secret()}, which sms-local gives the stack's
 * delivery function alone.
 */
final class CarrierSimulator {

    record Received(String serialNo, String phoneNumber, String text, String receivedAt) {}

    enum Answer { DELIVERED, DUPLICATE, REFUSED_FOR_GOOD, REFUSED_FOR_NOW }

    private final Path inbox;
    private final String secret = newSecret();
    private final List<Received> received = new ArrayList<>();
    private final Set<String> serials = new HashSet<>();

    CarrierSimulator(Path dataDir) throws IOException {
        this.inbox = dataDir.resolve("carrier/inbox.jsonl");
        Files.createDirectories(inbox.getParent());
        PrivateFiles.ensure(inbox);
        for (String line : Files.readAllLines(inbox, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                Map<String, Object> m = Json.parseObject(line);
                remember(new Received((String) m.get("serialNo"), (String) m.get("phoneNumber"),
                        (String) m.get("text"), (String) m.get("receivedAt")));
            }
        }
    }

    private final Set<String> refusedOnce = new HashSet<>();

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

    synchronized Answer deliver(String serialNo, String phoneNumber, String text) throws IOException {
        if (serials.contains(serialNo)) {
            return Answer.DUPLICATE;
        }
        if (phoneNumber.endsWith("0400")) {
            return Answer.REFUSED_FOR_GOOD;
        }
        if (phoneNumber.endsWith("0599") || phoneNumber.endsWith("0503") && refusedOnce.add(serialNo)) {
            return Answer.REFUSED_FOR_NOW;
        }
        Received r = new Received(serialNo, phoneNumber, text, Instant.now().toString());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("serialNo", r.serialNo());
        line.put("phoneNumber", r.phoneNumber());
        line.put("text", r.text());
        line.put("receivedAt", r.receivedAt());
        Files.writeString(inbox, Json.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        remember(r);
        return Answer.DELIVERED;
    }

    private void remember(Received r) {
        received.add(r);
        serials.add(r.serialNo());
    }

    synchronized List<Received> handset(String phoneNumber) {
        return received.stream().filter(r -> r.phoneNumber().equals(phoneNumber)).toList();
    }
}
