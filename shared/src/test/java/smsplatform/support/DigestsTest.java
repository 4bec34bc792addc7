package smsplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void theHexDigestOfAbcIsTheOneFips180GivesAsItsFirstExample() {
        assertThat(Digests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aTextDigestsAsItsUtf8Bytes() {
        String text = "【Acme】退订";
        assertThat(Digests.sha256Hex(text)).isEqualTo(Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHexIsTheRawDigestInLowerCase() {
        byte[] raw = Digests.sha256(new byte[0]);
        assertThat(raw).hasSize(32);
        assertThat(Digests.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void theHmacIsTheOneOfRfc4231TestCaseTwo() {
        byte[] mac = Digests.hmacSha256("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?");
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
