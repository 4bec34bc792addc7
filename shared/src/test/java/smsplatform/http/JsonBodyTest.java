package smsplatform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import smsplatform.domain.Failure;
import smsplatform.support.Ids;

/** The body of every route is parsed once, here: only valid Unicode gets past it. */
class JsonBodyTest {

    static ApiRequest request(String body) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withBody(body).build(), Ids.random(Clock.systemUTC()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"content\": \"code \\udc00\\ud800 end\"}                           | content",
            "{\"content\": \"ends high \\ud83d\"}                                  | content",
            "{\"content\": \"\\ude00 starts low\"}                                 | content",
            "{\"entity\": {\"name\": \"Acme \\ud800\"}}                            | entity.name",
            "{\"entity\": {\"na\\udfffme\": \"Acme\"}}                             | entity",
            "{\"reasons\": [\"OTHER\", \"\\udbff\"]}                               | reasons[1]",
            "{\"a\": [{\"b\": [0, {\"c\": \"\\ud800\\ud800\"}]}]}                  | a[0].b[1].c",
            "{\"\\ud800\": 1}                                                       | ''",
    })
    void aLoneSurrogateAnywhereInTheBodyIsAMalformedBodyNamingWhereItIs(String body, String field) {
        assertThatThrownBy(() -> request(body).jsonBody()).isInstanceOf(Failure.class)
                .satisfies(e -> {
                    Failure f = (Failure) e;
                    assertThat(f.category()).isEqualTo(Failure.Category.INVALID);
                    assertThat(f.code()).isEqualTo("MalformedBody");
                    assertThat(f.field()).isEqualTo(field.isEmpty() ? null : field);
                    assertThat(f.getMessage()).contains("surrogate");
                });
    }

    @Test
    void aLoneSurrogateInABase64EncodedBodyIsRefusedToo() {
        String body = "{\"content\": \"\\udc00\"}";
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))).build();
        assertThatThrownBy(() -> new ApiRequest(event, Ids.random(Clock.systemUTC())).jsonBody())
                .isInstanceOf(Failure.class).extracting("code").isEqualTo("MalformedBody");
    }

    @Test
    void wellFormedSurrogatePairsAndOtherTextAreKept() {
        JsonBody body = request("{\"content\": \"code \\ud83d\\ude00 end \u4E2D\", \"reasons\": [\"\\ud840\\udc00\"],"
                + " \"entity\": {\"name\": \"\uD83D\uDE00\"}}").jsonBody();
        assertThat(body.optionalString("content")).isEqualTo("code \uD83D\uDE00 end \u4E2D");
        assertThat(body.stringList("reasons", 5)).isEqualTo(List.of("\uD840\uDC00"));
        assertThat(body.stringMap("entity")).containsEntry("name", "\uD83D\uDE00");
    }
}
