package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue #16 over HTTP on the local stack: the opt-out list by hand, and what it does to sends. A MARKETING send
 * skips an opted-out number with FailedOperation.PhoneNumberOptedOut (no message, no fee, counted as optedOut);
 * a NOTIFICATION send still reaches it; the list is the account's own.
 */
@ResourceLock(SharedStack.MESSAGES)
class OptOutsEndToEndTest {

    static final String MARKETING = "Acme winter sale: 40% off boots until {1}. Reply STOP to opt out";
    static final String NOTIFICATION = "Your parcel {1} has shipped.";

    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(OptOutsEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "optout-ops", "ENTERPRISE", true));
    }

    static ApiClient client(String account) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
    }

    /** An approved signature, MARKETING template and NOTIFICATION template of the account: [marketing, notification]. */
    static List<String> approvedTemplates(ApiClient client, ApiClient reviewer, String sign) throws Exception {
        Journeys.approve(client, reviewer, sign, sign + " Ltd.");
        String marketing = Journeys.approveTemplate(client, reviewer, TemplatesEndToEndTest.template(
                "Winter sale", "MARKETING", MARKETING, "DATETIME"));
        String notification = Journeys.approveTemplate(client, reviewer, TemplatesEndToEndTest.template(
                "Parcel shipped", "NOTIFICATION", NOTIFICATION, "DIGITS"));
        return List.of(marketing, notification);
    }

    static Map<String, String> codes(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, String> codes = new LinkedHashMap<>();
        for (Map<String, Object> status : list(response.json().get("sendStatuses"))) {
            codes.put((String) status.get("phoneNumber"), (String) status.get("code"));
            if (!"Ok".equals(status.get("code"))) {
                assertThat(status).containsEntry("serialNo", "").containsEntry("fee", 0);
            }
        }
        return codes;
    }

    static long optedOutToday(ApiClient client) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        ApiClient.Response stats = client.get("/v1/statistics?from=" + today + "&to=" + today);
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        return ((Number) list(stats.json().get("days")).get(0).get("optedOut")).longValue();
    }

    @Test
    void anOptedOutNumberIsSkippedByMarketingOnlyForThatAccountUntilItIsTakenOffTheList() throws Exception {
        ApiClient acme = client("optout-acme");
        ApiClient globex = client("optout-globex");
        List<String> acmeTemplates = approvedTemplates(acme, reviewer, "Optout Acme");
        List<String> globexTemplates = approvedTemplates(globex, reviewer, "Optout Globex");

        ApiClient.Response put = acme.put("/v1/opt-outs/13711110001", Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json()).containsEntry("phoneNumber", "+8613711110001").containsEntry("source", "API")
                .containsKey("optedOutAt");
        ApiClient.Response again = acme.put("/v1/opt-outs/%2B8613711110001", Map.of());
        assertThat(again.json()).isEqualTo(put.json());

        List<String> numbers = List.of("+8613711110001", "+8613711110002");
        assertThat(codes(Journeys.send(acme, numbers, "Optout Acme", acmeTemplates.get(0), "2026-12-31")))
                .containsExactly(Map.entry("+8613711110001", "FailedOperation.PhoneNumberOptedOut"),
                        Map.entry("+8613711110002", "Ok"));
        assertThat(codes(Journeys.send(acme, numbers, "Optout Acme", acmeTemplates.get(1), "123456")))
                .as("a notification is not blocked").containsValues("Ok", "Ok");
        assertThat(codes(Journeys.send(globex, numbers, "Optout Globex", globexTemplates.get(0), "2026-12-31")))
                .as("another account's list is its own").containsValues("Ok", "Ok");
        assertThat(optedOutToday(acme)).isEqualTo(1);
        assertThat(optedOutToday(globex)).isZero();

        ApiClient.Response listed = acme.get("/v1/opt-outs");
        assertThat(list(listed.json().get("optOuts"))).extracting(o -> o.get("phoneNumber")).containsExactly("+8613711110001");
        assertThat(list(globex.get("/v1/opt-outs").json().get("optOuts"))).isEmpty();

        assertThat(acme.delete("/v1/opt-outs/008613711110001").status()).isEqualTo(204);
        ApiClient.Response gone = acme.delete("/v1/opt-outs/+8613711110001");
        assertThat(gone.status()).as(gone.body()).isEqualTo(404);
        assertThat(codes(Journeys.send(acme, numbers, "Optout Acme", acmeTemplates.get(0), "2026-12-31")))
                .containsValues("Ok", "Ok");
        assertThat(list(acme.get("/v1/opt-outs").json().get("optOuts"))).isEmpty();
    }

    @Test
    void aNumberThatIsNotOneIsRefusedAndChangesNothing() throws Exception {
        ApiClient acme = client("optout-bad");
        ApiClient.Response refused = acme.put("/v1/opt-outs/12345", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(map(refused.json().get("error"))).containsEntry("code", "InvalidParameterValue.IncorrectPhoneNumber");
        assertThat(list(acme.get("/v1/opt-outs").json().get("optOuts"))).isEmpty();
    }
}
