package smsplatform.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens the running stack accepts, many with one key read: what {@code ./sms-local token} mints, one JVM for all.
 * In this package because the issuer is the local runtime's own, not part of its public surface.
 */
public final class BenchTokens {

    private BenchTokens() {}

    /** One token per account, of {@code type}, with the reviewer scope when {@code reviewer}. */
    public static List<String> mint(Path project, Path dataDir, List<String> accounts, String type, boolean reviewer)
            throws Exception {
        LocalIssuer issuer = SmsLocal.issuer(project.resolve("template.yaml"), dataDir);
        List<String> tokens = new ArrayList<>();
        for (String account : accounts) {
            tokens.add(issuer.mint(account, type, reviewer, Duration.ofHours(12)));
        }
        return tokens;
    }

    /** Usage: PROJECT DATA_DIR ACCOUNT_PREFIX COUNT: prints COUNT ENTERPRISE tokens, accounts PREFIX-1..PREFIX-COUNT. */
    public static void main(String[] args) throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 1; i <= Integer.parseInt(args[3]); i++) {
            accounts.add(args[2] + "-" + i);
        }
        mint(Path.of(args[0]), Path.of(args[1]), accounts, "ENTERPRISE", false).forEach(System.out::println);
    }
}
