package smsplatform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smsplatform.domain.AccountId;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.support.Ids;

class ApiRequestCallerTest {

    static ApiRequest withClaims(Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withRequestContext(context).build(),
                Ids.random(Clock.systemUTC()));
    }

    static Map<String, String> claims(String accountId) {
        Map<String, String> claims = new HashMap<>(Map.of("account_type", "ENTERPRISE", "scope", "sms/send"));
        if (accountId != null) {
            claims.put("account_id", accountId);
        }
        return claims;
    }

    @Test
    void theAccountClaimIsParsedIntoTheCallersTypedAccountAndIsTheDefaultSubject() {
        Caller caller = withClaims(claims("acme-01")).caller();
        assertThat(caller.accountId()).isEqualTo(new AccountId("acme-01"));
        assertThat(caller.subject()).isEqualTo("acme-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "acme corp", "acme/01", "ACCOUNT#acme", "ａｃｍｅ",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void anAccountClaimThatIsNotAnAccountIdIsTheSame403AsAMissingOne(String raw) {
        for (Map<String, String> claims : List.of(claims(raw), claims(null))) {
            assertThatThrownBy(() -> withClaims(claims).caller()).as(claims.toString())
                    .isInstanceOfSatisfying(Failure.class, f -> {
                        assertThat(f.category()).isEqualTo(Failure.Category.FORBIDDEN);
                        assertThat(f.code()).isEqualTo("AuthFailure.MissingClaim");
                        assertThat(f.getMessage()).isEqualTo("The token carries no valid account_id claim");
                    });
        }
    }
}
