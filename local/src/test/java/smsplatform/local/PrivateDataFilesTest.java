package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** What only the user who runs sms-local may read: the issuer's private key, the handsets' inbox, the stack's secrets. */
@ResourceLock(SharedStack.APPLICATIONS)
class PrivateDataFilesTest {

    static final StackPlan.JwtConfig JWT = new StackPlan.JwtConfig("https://issuer.example/", List.of("audience"));

    static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void theIssuersPrivateKeyIsCreatedReadableByItsOwnerOnly(@TempDir Path dataDir) throws Exception {
        LocalIssuer.open(dataDir, JWT);
        assertThat(mode(dataDir.resolve("jwt/private.key"))).isEqualTo("rw-------");
    }

    @Test
    void aPrivateKeyLeftReadableByAnEarlierVersionIsMadeOwnerOnlyAtTheNextOpen(@TempDir Path dataDir) throws Exception {
        LocalIssuer.open(dataDir, JWT);
        Path key = dataDir.resolve("jwt/private.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        LocalIssuer.open(dataDir, JWT);
        assertThat(mode(key)).isEqualTo("rw-------");
    }

    @Test
    void theCarrierInboxIsCreatedReadableByItsOwnerOnly(@TempDir Path dataDir) throws Exception {
        CarrierSimulator carrier = new CarrierSimulator(dataDir);
        assertThat(carrier.deliver("sms-private-1", "+8613500135000", "private text").answer())
                .isEqualTo(CarrierSimulator.Answer.ACCEPTED);
        assertThat(mode(dataDir.resolve("carrier/inbox.jsonl"))).isEqualTo("rw-------");
    }

    @Test
    void aStartedStacksKeyInboxAndStackFileAreReadableByTheirOwnerOnly() throws Exception {
        RunningStack stack = SharedStack.of(PrivateDataFilesTest.class);
        assertThat(mode(stack.dataDir.resolve("stack.json"))).isEqualTo("rw-------");
        assertThat(mode(stack.dataDir.resolve("jwt/private.key"))).isEqualTo("rw-------");
        assertThat(mode(stack.dataDir.resolve("carrier/inbox.jsonl"))).isEqualTo("rw-------");
    }
}
