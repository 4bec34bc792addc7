package smsplatform.local;

/**
 * The JDK HTTP server reads its settings once, when the first server of this JVM starts: every server
 * of sms-local (gateway, IAM gates) calls {@link #apply()} before it is created.
 */
final class HttpServerSettings {

    static {
        // Without TCP_NODELAY, small responses wait out the client's delayed ACK (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // A client still sending a body we refused (413, 401…) reads the answer only if the rest of the body
        // is taken off the wire before the connection closes: read and discarded, never buffered, up to
        // API Gateway's own 10 MB maximum. Beyond that the connection is closed.
        System.setProperty("sun.net.httpserver.drainAmount", Integer.toString(10 * 1024 * 1024));
    }

    private HttpServerSettings() {}

    static void apply() {
        // the static initializer did it
    }
}
