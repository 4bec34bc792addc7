package smsplatform.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * A customer's webhook receiver on this machine: records every POST (event id, signature, body, status) and
 * answers each with the status {@code answer} gives for its number (1 for the first POST).
 */
final class CallbackReceiver implements AutoCloseable {

    record Delivery(String eventId, String signature, String body, int answered) {}

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    CallbackReceiver(IntUnaryOperator answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            synchronized (deliveries) {
                status = answer.applyAsInt(deliveries.size() + 1);
                deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Sms-Event-Id"),
                        exchange.getRequestHeaders().getFirst("Sms-Signature"), body, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The ids of the events it answered with a 2xx. */
    Set<String> received() {
        return deliveries.stream().filter(d -> d.answered() / 100 == 2).map(Delivery::eventId)
                .collect(Collectors.toSet());
    }

        List<Delivery> of(String eventId) {
        return deliveries.stream().filter(d -> eventId.equals(d.eventId())).toList();
    }

    /** Waits up to {@code seconds} for {@code count} deliveries of the event. */
    List<Delivery> await(String eventId, int count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (of(eventId).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return of(eventId);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
