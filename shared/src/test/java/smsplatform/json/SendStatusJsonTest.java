package smsplatform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import smsplatform.domain.SendStatus;
import smsplatform.domain.TestIds;

class SendStatusJsonTest {

    @Test
    void aSendStatusShowsEveryFieldInTheOrderOfDesign() {
        SendStatus sent = new SendStatus(TestIds.serial("1"), "+8613800138000", "Ok", "send success", 1, "CN", "order-7");
        assertThat(SendStatusJson.toApi(sent)).containsExactly(
                entry("serialNo", TestIds.serial("1").value()), entry("phoneNumber", "+8613800138000"), entry("code", "Ok"),
                entry("message", "send success"), entry("fee", 1), entry("isoCode", "CN"),
                entry("sessionContext", "order-7"));
    }

    @Test
    void aSendWithoutSessionContextAnswersAnEmptyOne() {
        SendStatus refused = new SendStatus(null, "12345", "InvalidParameterValue.IncorrectPhoneNumber", "bad", 0,
                null, null);
        assertThat(SendStatusJson.toApi(refused)).containsEntry("sessionContext", "").containsEntry("serialNo", "");
    }
}
