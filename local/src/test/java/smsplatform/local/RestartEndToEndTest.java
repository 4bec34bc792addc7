package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #2 (c): the data dir keeps everything across a stop, and across a crash with work in flight. */
class RestartEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartWithTheSameDataDirKeepsSignaturesObjectsMessagesAndTokens() throws Exception {
        String signatureId;
        String serialNo;
        String token;
        try (RunningStack first = RunningStack.start(dataDir)) {
            token = Tokens.mint(dataDir, "keeper", "ENTERPRISE", false);
            ApiClient applicant = new ApiClient(first.baseUrl, token);
            ApiClient reviewer = new ApiClient(first.baseUrl, Tokens.mint(dataDir, "ops", "ENTERPRISE", true));
            signatureId = Journeys.approve(applicant, reviewer, "Keeper Labs", "Keeper Labs Ltd.");
            ApiClient.Response sent = applicant.post("/v1/sms/send", Map.of(
                    "phoneNumbers", List.of("13700137000"), "sign", "Keeper Labs", "content", "kept"));
            serialNo = (String) list(sent.json().get("sendStatuses")).get(0).get("serialNo");
            applicant.await("/v1/sms/" + serialNo, m -> "DELIVERED".equals(m.get("status")), "delivery");
        }

        try (RunningStack second = RunningStack.start(dataDir)) {
            ApiClient applicant = new ApiClient(second.baseUrl, token);
            Map<String, Object> signature = applicant.get("/v1/signatures/" + signatureId).json();
            assertThat(signature.get("status")).isEqualTo("APPROVED");
            assertThat(list(signature.get("documents"))).hasSize(1);
            ApiClient reviewer = new ApiClient(second.baseUrl, Tokens.mint(dataDir, "ops", "ENTERPRISE", true));
            assertThat(applicant.get("/v1/sms/" + serialNo).json().get("status")).isEqualTo("DELIVERED");
            Map<String, Object> handset = new ApiClient(second.baseUrl, null).get("/local/handsets/%2B8613700137000").json();
            assertThat(list(handset.get("messages"))).extracting(m -> m.get("text")).containsExactly("【Keeper Labs】kept");
            // The certificate object survived too: the signature can still be used, and listed.
            assertThat(list(applicant.get("/v1/signatures").json().get("signatures")))
                    .extracting(s -> s.get("signatureId")).containsExactly(signatureId);
            assertThat(reviewer.get("/v1/reviews").status()).isEqualTo(200);
        }
    }

    @Test
    void messagesInFlightWhenTheStackIsKilledAreDeliveredExactlyOnceAfterRestart() throws Exception {
        List<String> serials = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            numbers.add(String.format("1360013%04d", i));
        }
        String token;
        try (RunningStack first = RunningStack.start(dataDir)) {
            token = Tokens.mint(dataDir, "crash", "ENTERPRISE", false);
            ApiClient applicant = new ApiClient(first.baseUrl, token);
            ApiClient reviewer = new ApiClient(first.baseUrl, Tokens.mint(dataDir, "ops", "ENTERPRISE", true));
            Journeys.approve(applicant, reviewer, "Crash Test Labs", "Crash Test Labs Inc.");
            ApiClient.Response sent = applicant.post("/v1/sms/send", Map.of(
                    "phoneNumbers", numbers, "sign", "Crash Test Labs", "content", "in flight"));
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            list(sent.json().get("sendStatuses")).forEach(s -> serials.add((String) s.get("serialNo")));
            first.kill();
        }

        try (RunningStack second = RunningStack.start(dataDir)) {
            ApiClient applicant = new ApiClient(second.baseUrl, token);
            for (String serial : serials) {
                applicant.await("/v1/sms/" + serial, m -> "DELIVERED".equals(m.get("status")), "delivery of " + serial);
            }
            ApiClient anonymous = new ApiClient(second.baseUrl, null);
            for (String number : numbers) {
                Map<String, Object> handset = anonymous.get("/local/handsets/%2B86" + number).json();
                assertThat(list(handset.get("messages"))).as(number).extracting(m -> m.get("text"))
                        .containsExactly("【Crash Test Labs】in flight");
            }
        }
    }
}
