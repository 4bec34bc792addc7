package smsplatform.local;

import com.sun.net.httpserver.HttpExchange;
import java.util.regex.Pattern;

/**
 * Who may use the simulator's own routes ({@code /local/…}): this machine, i.e. a loopback peer. The
 * Host it names must be a loopback one too, so a web page whose name is re-bound to 127.0.0.1 cannot
 * read handsets through the user's browser.
 */
final class LoopbackOnly {

    private static final Pattern LOOPBACK_HOST =
            Pattern.compile("(?i)(localhost|127(\\.\\d{1,3}){3}|\\[::1])(:\\d+)?");

    private LoopbackOnly() {}

    static boolean admits(HttpExchange exchange) {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return false;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || LOOPBACK_HOST.matcher(host.trim()).matches();
    }
}
