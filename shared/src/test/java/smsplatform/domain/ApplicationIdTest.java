package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import smsplatform.support.Ids;

class ApplicationIdTest {

    @Test
    void theIdOfAnApplicationUnderReviewIsASignaturesOrATemplatesAndTellsWhich() {
        Ids.Source ids = Ids.random(Clock.systemUTC());
        String signature = ids.next(SignatureId.PREFIX);
        String template = ids.next(TemplateId.PREFIX);
        assertThat(ApplicationId.parse(signature)).contains(new SignatureId(signature));
        assertThat(ApplicationId.parse(signature).orElseThrow().kind()).isEqualTo(ApplicationKind.SIGNATURE);
        assertThat(ApplicationId.parse(template)).contains(new TemplateId(template));
        assertThat(ApplicationId.parse(template).orElseThrow().kind()).isEqualTo(ApplicationKind.TEMPLATE);
    }

    @Test
    void aSerialNumberOrAnythingElseIsNoApplication() {
        assertThat(ApplicationId.parse(Ids.random(Clock.systemUTC()).next(SerialNo.PREFIX))).isEmpty();
        assertThat(ApplicationId.parse("sig-")).isEmpty();
        assertThat(ApplicationId.parse(null)).isEmpty();
    }
}
