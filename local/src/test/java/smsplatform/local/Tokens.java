package smsplatform.local;

import java.nio.file.Path;

/**
 * Tokens minted in this JVM by what {@code ./sms-local token} runs ({@link SmsLocal#mintToken}): a JVM per token
 * would cost the suite a second each. {@code SmsLocalEndToEndTest} shows the command's tokens are accepted.
 */
final class Tokens {

    private Tokens() {}

    static String mint(Path dataDir, String account, String type, boolean reviewer) throws Exception {
        return SmsLocal.mintToken(RunningStack.PROJECT.resolve("template.yaml"), dataDir, account, type, reviewer);
    }
}
