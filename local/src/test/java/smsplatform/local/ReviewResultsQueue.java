package smsplatform.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.json.Json;

/**
 * The results of a stack's FIFO results queue, as its consumer (the callback dispatcher) received
 * them: each message it takes is logged once ({@code review-result.received}, with its message id and
 * body), so a result published twice would show twice, and a redelivery of one message counts once.
 */
final class ReviewResultsQueue {

    private ReviewResultsQueue() {}

    /**
     * The results published for the application whose {@code idField} ({@code signatureId} or
     * {@code templateId}) is {@code id}, once at least {@code atLeast} arrived (or after 30 s), plus any
     * that follow within 1.5 s: a duplicate would show.
     */
    static List<Map<String, Object>> of(RunningStack stack, String idField, String id, int atLeast) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (received(stack, idField, id).size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Thread.sleep(1500);
        return received(stack, idField, id);
    }

    private static List<Map<String, Object>> received(RunningStack stack, String idField, String id) throws Exception {
        Path log = stack.dataDir.resolve("logs/CallbackDispatcherFunction.log");
        Map<String, Map<String, Object>> byMessage = new LinkedHashMap<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.contains("\"review-result.received\"")) {
                    Map<String, Object> entry = Json.parseObject(line);
                    byMessage.putIfAbsent((String) entry.get("messageId"), Json.parseObject((String) entry.get("result")));
                }
            }
        }
        return new ArrayList<>(byMessage.values().stream().filter(r -> id.equals(r.get(idField))).toList());
    }
}
