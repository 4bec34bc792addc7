package smsplatform.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;

/**
 * Request bodies as API Gateway takes them (DESIGN §4): over 256 KiB is refused before any function
 * runs, and no body is buffered past that limit to find out.
 */
final class RequestBody {

    static final int MAX_BYTES = 256 * 1024;

    private RequestBody() {}

    /** Content-Length already says the body is too large: refuse it unread. */
    static boolean declaredTooLarge(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The body, or empty when it is too large; a body without Content-Length is read only up to the limit. */
    static Optional<byte[]> read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BYTES + 1);
        return body.length > MAX_BYTES ? Optional.empty() : Optional.of(body);
    }
}
