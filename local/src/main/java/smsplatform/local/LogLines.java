package smsplatform.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The runtime's own lines in the data dir's logs (iam.log, gateway.log), one whole line at a time. */
final class LogLines {

    private LogLines() {}

    static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("sms-local: cannot write " + file + ": " + e.getMessage());
        }
    }
}
