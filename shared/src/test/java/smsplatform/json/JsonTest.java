package smsplatform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.ApplicationId;
import smsplatform.domain.TestIds;

class JsonTest {

    @Test
    void typedIdsGoOnTheWireAsTheRawStringsTheyWereBefore() {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("accountId", new AccountId("acme"));
        typed.put("signatureId", TestIds.signature("a"));
        typed.put("reviewed", List.<ApplicationId>of(TestIds.template("b")));
        typed.put("serialNo", TestIds.serial("c"));
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("accountId", "acme");
        raw.put("signatureId", TestIds.signature("a").value());
        raw.put("reviewed", List.of(TestIds.template("b").value()));
        raw.put("serialNo", TestIds.serial("c").value());
        assertThat(Json.write(typed)).isEqualTo(Json.write(raw)).contains("\"accountId\":\"acme\"");
    }
}
