package smsplatform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smsplatform.domain.ApplicationId;
import smsplatform.domain.Failure;
import smsplatform.domain.SignatureId;
import smsplatform.domain.TestIds;
import smsplatform.support.Ids;

class ApiRequestPathIdTest {

    static ApiRequest withPath(String name, String value) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withPathParameters(Map.of(name, value)).build(),
                Ids.random(Clock.systemUTC()));
    }

    @Test
    void aPathParameterOfTheIdsShapeIsThatTypedId() {
        SignatureId id = TestIds.signature("path");
        assertThat(withPath("signatureId", id.value()).pathId("signatureId", SignatureId::parse, "Signature"))
                .isEqualTo(id);
        assertThat(withPath("signatureId", TestIds.template("t").value())
                .pathId("signatureId", ApplicationId::parse, "Application")).isEqualTo(TestIds.template("t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sig-1", "sig-priming", "tpl-0000000000000000000000acme", "SIG-0000000000000000000000acme",
            "..%2F..%2Fetc", " "})
    void anyOtherShapeNamesNothingSoItIsTheSame404AsAnIdThatDoesNotExist(String raw) {
        assertThatThrownBy(() -> withPath("signatureId", raw).pathId("signatureId", SignatureId::parse, "Signature"))
                .isInstanceOfSatisfying(Failure.class, f -> {
                    assertThat(f.category()).isEqualTo(Failure.Category.NOT_FOUND);
                    assertThat(f.code()).isEqualTo("ResourceNotFound");
                    assertThat(f.getMessage()).isEqualTo("Signature " + raw + " does not exist");
                });
    }
}
