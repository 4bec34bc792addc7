package smsplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String BODY = "{\"eventId\":\"evt-1\",\"type\":\"MESSAGE_STATUS\",\"occurredAt\":\"2023-11-14T22:13:20Z\","
            + "\"data\":{\"status\":\"DELIVERED\"}}";
    static final Instant T = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void theHeaderIsTheHmacOfTimestampDotBodyAsOpensslComputesIt() {
        // printf '%s' '1700000000.{"eventId":"evt-1",...}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertThat(WebhookSignature.header("whsec_test", T.getEpochSecond(), BODY))
                .isEqualTo("t=1700000000,v1=ec0e3ad5e22ba8239039c4a6fc401c23dcedfd47fb511d085df3c0eb40037ecc");
    }

    @Test
    void aReceiverAcceptsTheSignatureWithTheSecretWithinTheTolerance() {
        String header = WebhookSignature.header("whsec_test", T.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify("whsec_test", header, BODY, T.plusSeconds(299), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void aReceiverRefusesAnotherSecretAnAlteredBodyAnOldTimestampAndAMalformedHeader() {
        String header = WebhookSignature.header("whsec_test", T.getEpochSecond(), BODY);
        Duration tolerance = Duration.ofMinutes(5);
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, T, tolerance)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", header, BODY.replace("DELIVERED", "FAILED"), T, tolerance)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", header, BODY, T.plusSeconds(301), tolerance)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "v1=abc", BODY, T, tolerance)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", null, BODY, T, tolerance)).isFalse();
        String replayed = header.replace("t=1700000000", "t=1700000100");
        assertThat(WebhookSignature.verify("whsec_test", replayed, BODY, T.plusSeconds(100), tolerance)).isFalse();
    }
}
