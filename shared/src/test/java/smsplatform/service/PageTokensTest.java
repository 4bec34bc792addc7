package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.Failure;

class PageTokensTest {

    static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static void assertRefused(String listing, AccountId account, String token) {
        assertThatThrownBy(() -> PageTokens.open(listing, account, token)).as(token).isInstanceOf(Failure.class)
                .satisfies(e -> {
                    Failure f = (Failure) e;
                    assertThat(f.category()).isEqualTo(Failure.Category.INVALID);
                    assertThat(f.code()).isEqualTo("InvalidParameterValue");
                    assertThat(f.field()).isEqualTo("nextToken");
                });
    }

    @Test
    void aTokenOpensOnlyForTheListingAndTheAccountItWasHandedTo() {
        String token = PageTokens.bind(PageTokens.SIGNATURES, new AccountId("acme"), "U0lHTkFUVVJF");
        assertThat(PageTokens.open(PageTokens.SIGNATURES, new AccountId("acme"), token)).isEqualTo("U0lHTkFUVVJF");
        assertRefused(PageTokens.SIGNATURES, new AccountId("globex"), token);
        assertRefused(PageTokens.REVIEWS, new AccountId("acme"), token);
        assertThat(PageTokens.bind(PageTokens.REVIEWS, new AccountId("acme"), null)).as("no next page, no token").isNull();
        assertThat(PageTokens.open(PageTokens.REVIEWS, new AccountId("acme"), null)).isNull();
        assertThat(PageTokens.open(PageTokens.REVIEWS, new AccountId("acme"), "")).isNull();
    }

    @Test
    void tokensThatAreNotBase64UrlUtf8JsonOfExactlyTheBoundFieldsAreRefused() {
        for (String token : List.of("e30", "garbage", "%%%", "AAAA", base64("[]"), base64("null"), base64("\"x\""),
                base64("{\"listing\":\"signatures\",\"account\":\"acme\"}"),
                base64("{\"listing\":\"signatures\",\"account\":\"acme\",\"position\":\"\"}"),
                base64("{\"listing\":\"signatures\",\"account\":\"acme\",\"position\":5}"),
                base64("{\"listing\":\"signatures\",\"account\":\"acme\",\"position\":\"p\",\"x\":1}"),
                base64("{\"listing\":\"signatures\",\"account\":null,\"position\":\"p\"}"),
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))) {
            assertRefused(PageTokens.SIGNATURES, new AccountId("acme"), token);
        }
    }

    @Property(tries = 2000)
    void anyStringOrBytesAreEitherRefusedAsANextTokenOrOpenToAPositionNeverAnotherError(@ForAll String token, @ForAll byte[] bytes) {
        for (String candidate : List.of(token, Base64.getUrlEncoder().encodeToString(bytes), base64(token))) {
            try {
                String position = PageTokens.open(PageTokens.SIGNATURES, new AccountId("acme"), candidate);
                if (candidate.isEmpty()) {
                    assertThat(position).as("no token: the first page").isNull();
                } else {
                    assertThat(position).isNotEmpty();
                }
            } catch (Failure refused) {
                assertThat(refused.field()).isEqualTo("nextToken");
            }
        }
    }
}
