package smsplatform.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web console's static files (DESIGN §13), from the console module's jar (class path folder {@code console/}),
 * as the gateway serves them at {@code /console/}. A path is served only when every segment is a plain file name:
 * no dot segments, no escapes, so nothing outside that folder can be named.
 */
final class ConsoleFiles {

    static final String PREFIX = "/console/";
    private static final Pattern PLAIN_PATH =
            Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}/){0,4}[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png");

    /** One file: its content type and bytes. */
    record File(String contentType, byte[] bytes) {}

    private ConsoleFiles() {}

    /** The file at raw request path {@code path} (under {@link #PREFIX}; the folder itself is index.html), if any. */
    static Optional<File> at(String path) {
        String name = path.substring(PREFIX.length());
        if (name.isEmpty()) {
            name = "index.html";
        }
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null || !PLAIN_PATH.matcher(name).matches()) {
            return Optional.empty();
        }
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream("console/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new File(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
