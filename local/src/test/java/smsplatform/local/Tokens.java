package smsplatform.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Tokens minted the way a user mints them: {@code ./sms-local token ...}, whose last line is the JWT. */
final class Tokens {

    private Tokens() {}

    static String mint(Path dataDir, String account, String type, boolean reviewer) throws Exception {
        List<String> command = new ArrayList<>(List.of(RunningStack.PROJECT.resolve("sms-local").toString(), "token",
                "--account", account, "--type", type, "--data-dir", dataDir.toString()));
        if (reviewer) {
            command.add("--reviewer");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("sms-local token failed: " + output);
        }
        String[] lines = output.split("\n");
        return lines[lines.length - 1].trim();
    }
}
