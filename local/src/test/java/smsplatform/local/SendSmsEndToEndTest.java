package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Issues #6 and #14 over HTTP on the local stack: SendSms with templates, per-number limits, delivery. */
@ResourceLock(SharedStack.MESSAGES)
class SendSmsEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;
    static ApiClient anonymous;
    static final ExecutorService POOL = Executors.newFixedThreadPool(20);

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(SendSmsEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "sms-ops", "ENTERPRISE", true));
        anonymous = new ApiClient(stack.baseUrl, null);
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** An account with an approved signature and an approved notification template of one TEXT variable. */
    record Sender(ApiClient client, String sign, String templateId) {
        ApiClient.Response send(Object numbers, String param) throws Exception {
            return Journeys.send(client, numbers, sign, templateId, param);
        }

        String text(String param) {
            return "【" + sign + "】" + PARCEL.replace("{1}", param);
        }
    }

    static final String PARCEL = "Your parcel status: {1}";

    static Sender sender(String account, String sign) throws Exception {
        ApiClient client = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
        Journeys.approve(client, reviewer, sign, sign + " Ltd.");
        return new Sender(client, sign, Journeys.approveTemplate(client, reviewer, Map.of("name", "Parcel status",
                "type", "NOTIFICATION", "content", PARCEL, "variables", List.of(Map.of("kind", "TEXT")),
                "remark", "Tells customers where their parcel is")));
    }

    static List<Map<String, Object>> statuses(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return list(response.json().get("sendStatuses"));
    }

    static List<ApiClient.Response> concurrently(List<Callable<ApiClient.Response>> calls) throws Exception {
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        calls.forEach(c -> futures.add(POOL.submit(c)));
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> f : futures) {
            responses.add(f.get());
        }
        return responses;
    }

    static long count(List<ApiClient.Response> responses, String code) {
        return responses.stream().map(SendSmsEndToEndTest::statuses).filter(s -> code.equals(s.get(0).get("code"))).count();
    }

    @Test
    void twentyConcurrentRequestsToOneNumberGetExactlyTheAllowedNumberOfOk() throws Exception {
        Sender sender = sender("sms-limits", "Limit Labs");
        List<Callable<ApiClient.Response>> same = new ArrayList<>();
        List<Callable<ApiClient.Response>> different = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(() -> sender.send(List.of("13100131000"), "the very same text"));
            String param = "text number " + i;
            different.add(() -> sender.send(List.of("13100131001"), param));
        }
        List<ApiClient.Response> sameAnswers = concurrently(same);
        assertThat(count(sameAnswers, "Ok")).isEqualTo(1);
        assertThat(count(sameAnswers, "LimitExceeded.PhoneNumberThirtySecondLimit")).isEqualTo(19);
        List<ApiClient.Response> differentAnswers = concurrently(different);
        assertThat(count(differentAnswers, "Ok")).isEqualTo(5);
        assertThat(count(differentAnswers, "LimitExceeded.PhoneNumberOneHourLimit")).isEqualTo(15);
        System.out.printf("one number, 20 concurrent requests: same content %d Ok, different content %d Ok%n",
                count(sameAnswers, "Ok"), count(differentAnswers, "Ok"));
        assertThat(statuses(sender.send(List.of("13100131002"), "another number")).get(0))
                .containsEntry("code", "Ok");
    }

    @Test
    void theRequestIsValidatedAsAWholeAndEachNumberOnItsOwn() throws Exception {
        Sender sender = sender("sms-shapes", "Shape Labs");
        ApiClient client = sender.client();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(String.format("1390000%04d", i));
        }
        ApiClient.Response count = sender.send(tooMany, "x");
        assertThat(count.status()).isEqualTo(400);
        assertThat(map(count.json().get("error"))).containsEntry("code", "LimitExceeded.PhoneNumberCountLimit");
        assertThat(sender.send(List.of(), "x").status()).isEqualTo(400);
        assertThat(sender.send(List.of("13900000001", "+14155550123"), "x").status()).as("mixed").isEqualTo(400);
        for (String bad : List.of("", "x".repeat(21), "see [link]", "【Forged】", "http://a.example.com")) {
            ApiClient.Response refused = sender.send(List.of("13900000001"), bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(map(refused.json().get("error"))).as(bad)
                    .containsEntry("code", "InvalidParameterValue.TemplateParameterFormatError");
        }
        ApiClient.Response context = client.post("/v1/sms/send", Map.of("phoneNumbers", List.of("13900000001"),
                "sign", "Shape Labs", "templateId", sender.templateId(), "templateParams", List.of("x"),
                "sessionContext", "上".repeat(171)));
        assertThat(context.status()).as("sessionContext over 512 bytes").isEqualTo(400);

        String longTemplate = Journeys.approveTemplate(client, reviewer, Map.of("name", "Long notice",
                "type", "NOTIFICATION", "content", "您的包裹已到达小区东门快递驿站，请凭取件码{1}在今晚八点前取件，逾期将退回寄件人，如有疑问请联系驿站工作人员。谢谢配合！",
                "variables", List.of(Map.of("kind", "DIGITS")), "remark", "Parcel pick-up notices"));
        ApiClient.Response mixedForms = client.post("/v1/sms/send", Map.of(
                "phoneNumbers", List.of("+8613900000010", "008613900000011", "8613900000012", "13900000013", "1234", "13900000013"),
                "sign", "Shape Labs", "templateId", longTemplate, "templateParams", List.of("8642"),
                "sessionContext", "order-7"));
        List<Map<String, Object>> results = statuses(mixedForms);
        assertThat(results).extracting(r -> r.get("phoneNumber")).containsExactly("+8613900000010", "+8613900000011",
                "+8613900000012", "+8613900000013", "1234", "+8613900000013");
        assertThat(results).extracting(r -> r.get("code")).containsExactly("Ok", "Ok", "Ok", "Ok",
                "InvalidParameterValue.IncorrectPhoneNumber", "LimitExceeded.PhoneNumberThirtySecondLimit");
        assertThat(results).allSatisfy(r -> assertThat(r).containsEntry("sessionContext", "order-7"));
        assertThat(results.get(0)).as("【Shape Labs】 + 58 characters + 4 digits = 74 UCS-2 characters = 2 parts")
                .containsEntry("fee", 2).containsEntry("isoCode", "CN");
        Set<Object> serials = new HashSet<>();
        results.stream().filter(r -> "Ok".equals(r.get("code"))).forEach(r -> serials.add(r.get("serialNo")));
        assertThat(serials).hasSize(4);
    }

    @Test
    void numbersWrittenAsCustomersTypeThemAreReadInE164WithTheirRealRegion() throws Exception {
        Sender sender = sender("sms-written", "Written Labs");
        List<Map<String, Object>> domestic = statuses(sender.send(List.of("139-0000-0020", "+86 139 0000 0021",
                "(+86) 139.0000.0022", "１３９ ００００ ００２３", "139 0000 0020", "010 1234 5678"), "written"));
        assertThat(domestic).extracting(r -> r.get("phoneNumber")).containsExactly("+8613900000020", "+8613900000021",
                "+8613900000022", "+8613900000023", "+8613900000020", "010 1234 5678");
        assertThat(domestic).extracting(r -> r.get("code")).containsExactly("Ok", "Ok", "Ok", "Ok",
                "LimitExceeded.PhoneNumberThirtySecondLimit", "InvalidParameterValue.IncorrectPhoneNumber");
        assertThat(domestic.subList(0, 5)).allSatisfy(r -> assertThat(r).containsEntry("isoCode", "CN"));

        String abroad = Journeys.approveTemplate(sender.client(), reviewer, Map.of("name", "Parcel abroad",
                "type", "NOTIFICATION", "international", true, "content", PARCEL, "variables", List.of(Map.of("kind", "TEXT")),
                "remark", "Tells customers abroad where their parcel is"));
        List<Map<String, Object>> international = statuses(sender.client().post("/v1/sms/send", Map.of("phoneNumbers",
                List.of("+44 7400 123456", "00852 5123 4567", "+1 (415) 555-0142", "+44 20 7946 0000"),
                "templateId", abroad, "templateParams", List.of("shipped"))));
        assertThat(international).extracting(r -> r.get("phoneNumber"), r -> r.get("code"), r -> r.get("isoCode"))
                .containsExactly(tuple("+447400123456", "Ok", "GB"), tuple("+85251234567", "Ok", "HK"),
                        tuple("+14155550142", "Ok", "US"),
                        tuple("+44 20 7946 0000", "InvalidParameterValue.IncorrectPhoneNumber", ""));
    }

    @Test
    void aDeletedSignatureOrTemplateCanNoLongerSendAndMessagesAreVisibleToTheirOwnerOnly() throws Exception {
        Sender sender = sender("sms-deleted", "Gone Labs");
        ApiClient client = sender.client();
        Map<String, Object> sent = statuses(sender.send(List.of("13200132000"), "before")).get(0);
        ApiClient other = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "sms-other", "ENTERPRISE", false));
        assertThat(other.get("/v1/sms/" + sent.get("serialNo")).status()).isEqualTo(404);
        Map<String, Object> message = client.get("/v1/sms/" + sent.get("serialNo")).json();
        assertThat(message).containsEntry("templateId", sender.templateId()).containsEntry("text", sender.text("before"));

        assertThat(client.delete("/v1/templates/" + sender.templateId()).status()).isEqualTo(204);
        ApiClient.Response noTemplate = sender.send(List.of("13200132001"), "after");
        assertThat(noTemplate.status()).isEqualTo(400);
        assertThat(map(noTemplate.json().get("error"))).containsEntry("code", "FailedOperation.TemplateIncorrectOrUnapproved")
                .containsEntry("field", "templateId");
        String id = (String) map(list(client.get("/v1/signatures").json().get("signatures")).get(0)).get("signatureId");
        assertThat(client.delete("/v1/signatures/" + id).status()).isEqualTo(204);
        ApiClient.Response after = Journeys.send(client, List.of("13200132000"), "Gone Labs", sender.templateId(), "after");
        assertThat(after.status()).isEqualTo(400);
        assertThat(map(after.json().get("error"))).containsEntry("code", "FailedOperation.SignatureIncorrectOrUnapproved");
    }

    @Test
    void freeTextIsRefusedAndATemplateNotYetApprovedCannotSend() throws Exception {
        Sender sender = sender("sms-free-text", "Free Text Labs");
        ApiClient client = sender.client();
        ApiClient.Response freeText = client.post("/v1/sms/send", Map.of("phoneNumbers", List.of("13300133000"),
                "sign", "Free Text Labs", "content", "Anything I like"));
        assertThat(freeText.status()).isEqualTo(400);
        assertThat(map(freeText.json().get("error"))).containsEntry("code", "InvalidParameterValue.TemplateRequired");
        ApiClient.Response pending = client.post("/v1/templates", Map.of("name", "Pending", "type", "NOTIFICATION",
                "content", "Your meter reading for {1} is ready.", "variables", List.of(Map.of("kind", "DATETIME")),
                "remark", "Monthly meter readings"));
        assertThat(pending.status()).as(pending.body()).isEqualTo(201);
        ApiClient.Response unapproved = Journeys.send(client, List.of("13300133000"), "Free Text Labs",
                (String) pending.json().get("templateId"), "2026-11");
        assertThat(map(unapproved.json().get("error"))).containsEntry("code", "FailedOperation.TemplateIncorrectOrUnapproved");
        ApiClient.Response wrongCount = Journeys.send(client, List.of("13300133000"), "Free Text Labs",
                sender.templateId(), "one", "two");
        assertThat(map(wrongCount.json().get("error")))
                .containsEntry("code", "InvalidParameterValue.TemplateParameterFormatError");
        assertThat(list(anonymous.get("/local/handsets/%2B8613300133000").json().get("messages"))).isEmpty();
    }

    @Test
    void carrierFailuresTransientOnesAreRetriedPermanentOnesFail() throws Exception {
        Sender sender = sender("sms-carrier", "Carrier Labs");
        ApiClient client = sender.client();
        List<Map<String, Object>> results = statuses(sender.send(List.of("13800000503", "13800000400"), "in transit"));
        Map<String, Object> retried = client.await("/v1/sms/" + results.get(0).get("serialNo"),
                m -> "DELIVERED".equals(m.get("status")), "delivery after a transient refusal");
        assertThat(list(retried.get("statusHistory"))).extracting(h -> h.get("status"))
                .as("recorded, handed over, refused for now, accepted, its receipt")
                .containsExactly("QUEUED", "SENT", "SENT", "SENT", "DELIVERED");
        assertThat(String.valueOf(list(retried.get("statusHistory")).get(2).get("detail"))).contains("503");
        Map<String, Object> failed = client.await("/v1/sms/" + results.get(1).get("serialNo"),
                m -> "FAILED".equals(m.get("status")), "a permanent failure");
        assertThat(list(failed.get("statusHistory"))).extracting(h -> h.get("status"))
                .containsExactly("QUEUED", "SENT", "FAILED");
        assertThat(list(anonymous.get("/local/handsets/%2B8613800000503").json().get("messages"))).hasSize(1);
        assertThat(list(anonymous.get("/local/handsets/%2B8613800000400").json().get("messages"))).isEmpty();
    }

    @Test
    void aThousandNumbersOverTenRequestsAreEachDeliveredExactlyOnce() throws Exception {
        Sender sender = sender("sms-load", "Load Labs");
        ApiClient client = sender.client();
        List<Callable<ApiClient.Response>> requests = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                numbers.add(String.format("1570%02d%05d", r, i));
            }
            requests.add(() -> sender.send(numbers, "load test"));
        }
        long begin = System.nanoTime();
        List<String> serials = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (ApiClient.Response response : concurrently(requests)) {
            for (Map<String, Object> s : statuses(response)) {
                assertThat(s.get("code")).isEqualTo("Ok");
                serials.add((String) s.get("serialNo"));
                phones.add((String) s.get("phoneNumber"));
            }
        }
        long accepted = System.nanoTime();
        assertThat(new HashSet<>(serials)).hasSize(1000);
        // Correctness, not speed (bench/ measures that): the thousand may take minutes on a loaded machine.
        awaitAllDelivered(client, serials, Duration.ofMinutes(5));
        long delivered = System.nanoTime();
        for (String phone : phones) {
            List<Map<String, Object>> received = list(anonymous.get("/local/handsets/" + phone.replace("+", "%2B")).json()
                    .get("messages"));
            assertThat(received).as(phone).extracting(m -> m.get("text")).containsExactly(sender.text("load test"));
        }
        System.out.printf("load: 1000 numbers in 10 concurrent requests accepted in %d ms, all delivered after %d ms,"
                + " each exactly once%n", (accepted - begin) / 1_000_000, (delivered - begin) / 1_000_000);
    }

    /**
     * Waits until the listing shows every one of {@code serials} DELIVERED. A pass reads the account's listing page by
     * page (ten GETs for a thousand messages) where awaiting each message's own GET cost a thousand function calls and
     * more, each about 20 ms of the stack's CPU on a machine the whole suite keeps busy.
     */
    private static void awaitAllDelivered(ApiClient client, List<String> serials, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        long pause = 500;
        Map<String, Object> pending;
        do {
            Map<String, Object> statuses = new HashMap<>();
            for (Map<String, Object> listed : PullsEndToEndTest.all(client, Map.of("limit", 100))) {
                statuses.put((String) listed.get("serialNo"), listed.get("status"));
            }
            pending = new TreeMap<>();
            for (String serial : serials) {
                if (!"DELIVERED".equals(statuses.get(serial))) {
                    pending.put(serial, statuses.get(serial));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            Thread.sleep(pause);
            pause = Math.min(3000, pause * 3 / 2);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(pending.size() + " of " + serials.size() + " messages not DELIVERED after " + bound
                + "; first ones (serial=status): " + pending.entrySet().stream().limit(5).toList());
    }

    @Test
    void aParameterWithLoneSurrogatesIsRefusedWithItsFieldAndNeverReachesTheHandset() throws Exception {
        Sender sender = sender("sms-surrogates", "Surrogate Sender");
        ApiClient client = sender.client();
        ApiClient.Response refused = client.raw("POST", "/v1/sms/send", "{\"phoneNumbers\": [\"13700137000\"], "
                + "\"sign\": \"Surrogate Sender\", \"templateId\": \"" + sender.templateId() + "\", "
                + "\"templateParams\": [\"code \\udc00\\ud800 end\"]}", "Content-Type", "application/json");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(map(refused.json().get("error"))).containsEntry("code", "MalformedBody")
                .containsEntry("field", "templateParams[0]");
        Map<String, Object> sent = statuses(sender.send(List.of("13700137000"), "code \uD83D\uDE00 end")).get(0);
        assertThat(sent.get("code")).as("a well-formed pair is fine").isEqualTo("Ok");
        client.await("/v1/sms/" + sent.get("serialNo"), m -> "DELIVERED".equals(m.get("status")), "delivery");
        assertThat(list(anonymous.get("/local/handsets/%2B8613700137000").json().get("messages")))
                .extracting(m -> m.get("text")).containsExactly(sender.text("code \uD83D\uDE00 end"));
    }
}
