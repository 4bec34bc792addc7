package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.aws.DynamoStatistics;
import smsplatform.domain.AccountId;
import smsplatform.json.Json;
import smsplatform.ports.Statistics.Counter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue #15 part 4 over HTTP on the local stack: {@code GET /v1/sms} lists the caller's own messages newest first,
 * filtered by number (any written form) and status, over a time range, in pages without gaps or repeats;
 * {@code GET /v1/statistics} answers one entry per UTC day. Bad ranges are 400 with their codes.
 */
@ResourceLock(SharedStack.MESSAGES)
class PullsEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(PullsEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "pulls-ops", "ENTERPRISE", true));
    }

    static ApiClient client(String account) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
    }

    /** A query string of the parameters, each percent-encoded as a client must ({@code +} as {@code %2B}). */
    static String query(String path, Map<String, Object> parameters) {
        return path + "?" + parameters.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Every message of the listing, page after page until nextToken is null. */
    static List<Map<String, Object>> all(ApiClient client, Map<String, Object> parameters) throws Exception {
        List<Map<String, Object>> messages = new ArrayList<>();
        Map<String, Object> next = new LinkedHashMap<>(parameters);
        while (true) {
            ApiClient.Response page = client.get(query("/v1/sms", next));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            List<Map<String, Object>> items = list(page.json().get("messages"));
            assertThat(items.size()).as("limit").isLessThanOrEqualTo((Integer) next.getOrDefault("limit", 20));
            messages.addAll(items);
            Object token = page.json().get("nextToken");
            if (token == null) {
                return messages;
            }
            next.put("nextToken", token);
        }
    }

    static List<String> serials(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> (String) m.get("serialNo")).toList();
    }

    static List<String> sent(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Map<String, Object>> statuses = list(response.json().get("sendStatuses"));
        assertThat(statuses).allSatisfy(s -> assertThat(s).containsEntry("code", "Ok"));
        return statuses.stream().map(s -> (String) s.get("serialNo")).toList();
    }

    static void refused(ApiClient client, String path, String code, String field) throws Exception {
        ApiClient.Response r = client.get(path);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(400);
        assertThat(map(r.json().get("error"))).as(path).containsEntry("code", code).containsEntry("field", field);
    }

    @Test
    void theCallersOwnMessagesComeNewestFirstFilteredAndPagedWithoutGapsOrRepeats() throws Exception {
        ApiClient mine = client("pulls-a");
        ApiClient theirs = client("pulls-b");
        String template = Journeys.approveSender(mine, reviewer, "Pull Labs", "Pull Labs Ltd.");
        String theirTemplate = Journeys.approveSender(theirs, reviewer, "Pull Rivals", "Pull Rivals Ltd.");
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            first.add(String.format("+861365555%04d", i));
        }
        List<String> firstBatch = sent(Journeys.send(mine, first, "Pull Labs", template, "111111"));
        List<String> second = new ArrayList<>(List.of("008613655550001", "+8613655550400"));
        for (int i = 20; i < 30; i++) {
            second.add(String.format("1365555%04d", i));
        }
        List<String> secondBatch = sent(Journeys.send(mine, second, "Pull Labs", template, "222222"));
        List<String> theirBatch = sent(Journeys.send(theirs, first.subList(0, 3), "Pull Rivals", theirTemplate, "333333"));

        // Every message settles: the simulator refuses ...0400 for good (FAILED) and delivers the rest.
        List<String> mineAll = new ArrayList<>(firstBatch);
        mineAll.addAll(secondBatch);
        mineAll.sort(Comparator.reverseOrder());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (all(mine, params("status", "DELIVERED", "limit", 100)).size() < 23) {
            assertThat(System.nanoTime()).as("23 messages delivered within 60 s").isLessThan(deadline);
            Thread.sleep(300);
        }

        List<Map<String, Object>> listed = all(mine, params("limit", 100));
        assertThat(serials(listed)).as("own messages, newest first").containsExactlyElementsOf(mineAll);
        assertThat(serials(listed)).doesNotContainAnyElementsOf(theirBatch);
        assertThat(serials(all(theirs, params()))).containsExactlyInAnyOrderElementsOf(theirBatch);
        Map<String, Object> one = listed.stream().filter(m -> firstBatch.get(0).equals(m.get("serialNo"))).findFirst()
                .orElseThrow();
        assertThat(one).containsEntry("phoneNumber", "+8613655550000")
                .containsEntry("sign", "Pull Labs").containsEntry("templateId", template)
                .containsEntry("text", Journeys.codeText("Pull Labs", "111111")).containsEntry("fee", 1)
                .containsEntry("status", "DELIVERED").containsKey("createdAt");

        List<Map<String, Object>> paged = all(mine, params("limit", 5));
        assertThat(serials(paged)).as("pages of 5: no gap, no repeat").containsExactlyElementsOf(mineAll);

        List<String> toOne = serials(all(mine, params("phoneNumber", "13655550001", "limit", 1)));
        assertThat(toOne).containsExactly(secondBatch.get(0), firstBatch.get(1));
        assertThat(serials(all(mine, params("phoneNumber", "+8613655550001")))).isEqualTo(toOne);
        assertThat(serials(all(mine, params("status", "FAILED")))).containsExactly(secondBatch.get(1));
        assertThat(all(mine, params("status", "QUEUED"))).isEmpty();
        assertThat(all(mine, params("status", "UNDELIVERED"))).isEmpty();

        Instant secondStarted = Instant.parse((String) listed.get(0).get("createdAt"));
        assertThat(serials(all(mine, params("from", secondStarted.toString())))).containsExactlyElementsOf(
                mineAll.subList(0, secondBatch.size()));
        String beforeSecond = secondStarted.minusMillis(1).atOffset(ZoneOffset.ofHours(8)).toString();
        assertThat(serials(all(mine, params("to", beforeSecond, "limit", 100)))).as("to " + beforeSecond + ", with an offset")
                .containsExactlyElementsOf(mineAll.subList(secondBatch.size(), mineAll.size()));
        Instant now = Instant.now();
        assertThat(all(mine, params("from", now.minus(Duration.ofHours(3)), "to", now.minus(Duration.ofHours(2))))).isEmpty();
    }

    @Test
    void badRangesFiltersAndTokensAre400WithTheirCodes() throws Exception {
        ApiClient mine = client("pulls-c");
        Instant now = Instant.now();
        refused(mine, query("/v1/sms", params("from", now, "to", now.minusSeconds(1))),
                "InvalidParameterValue.TimeRangeReversed", "from");
        refused(mine, query("/v1/sms", params("from", now.minus(Duration.ofDays(8)))),
                "InvalidParameterValue.TimeRangeTooLong", "from");
        refused(mine, query("/v1/sms", params("to", "2026-11-30")), "InvalidParameterValue.TimeFormat", "to");
        refused(mine, query("/v1/sms", params("from", "yesterday")), "InvalidParameterValue.TimeFormat", "from");
        refused(mine, query("/v1/sms", params("phoneNumber", "12345")), "InvalidParameterValue.IncorrectPhoneNumber",
                "phoneNumber");
        refused(mine, query("/v1/sms", params("status", "delivered")), "InvalidParameterValue", "status");
        refused(mine, query("/v1/sms", params("limit", 101)), "InvalidParameterValue", "limit");
        refused(mine, query("/v1/sms", params("nextToken", "eyJ9")), "InvalidParameterValue", "nextToken");
        ApiClient.Response unencoded = mine.get("/v1/sms?to=" + now.atOffset(ZoneOffset.ofHours(8)));
        assertThat(unencoded.status()).as("an unencoded '+' is read as '+': " + unencoded.body()).isEqualTo(200);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        refused(mine, query("/v1/statistics", params("from", "2026-10-01", "to", "2026-11-01")),
                "InvalidParameterValue.TimeRangeTooLong", "from");
        refused(mine, query("/v1/statistics", params("from", "2026-11-02", "to", "2026-11-01")),
                "InvalidParameterValue.TimeRangeReversed", "from");
        refused(mine, query("/v1/statistics", params("to", today + "T00:00:00Z")), "InvalidParameterValue.TimeFormat", "to");
        refused(mine, query("/v1/statistics", params("from", "2026-02-30")), "InvalidParameterValue.TimeFormat", "from");
    }

    @Test
    void aNextTokenServesOnlyTheAccountAndFiltersItWasHandedTo() throws Exception {
        ApiClient mine = client("pulls-d");
        ApiClient theirs = client("pulls-e");
        String template = Journeys.approveSender(mine, reviewer, "Token Pulls", "Token Pulls Ltd.");
        sent(Journeys.send(mine, List.of("13655551001", "13655551002", "13655551003"), "Token Pulls", template, "444444"));
        ApiClient.Response first = mine.get(query("/v1/sms", params("limit", 1)));
        String token = (String) first.json().get("nextToken");
        assertThat(token).as(first.body()).isNotNull();
        assertThat(list(mine.get(query("/v1/sms", params("limit", 1, "nextToken", token))).json().get("messages")))
                .hasSize(1);
        refused(theirs, query("/v1/sms", params("limit", 1, "nextToken", token)), "InvalidParameterValue", "nextToken");
        refused(mine, query("/v1/sms", params("status", "SENT", "nextToken", token)), "InvalidParameterValue", "nextToken");
        refused(mine, query("/v1/signatures", params("nextToken", token)), "InvalidParameterValue", "nextToken");
    }

    @Test
    void statisticsAnswerOneEntryPerUtcDayOldestFirstWithZerosAndOnlyTheCallersCounts() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> endpoints = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json")));
        try (DynamoDbClient dynamo = LocalStack.client(DynamoDbClient.builder(), (String) endpoints.get("dynamoDb")).build()) {
            DynamoStatistics statistics = new DynamoStatistics(dynamo, "SmsTable");
            statistics.add(new AccountId("pulls-stats"), today.minusDays(2), Map.of(Counter.REQUESTED, 5L, Counter.SENT, 4L,
                    Counter.DELIVERED, 2L, Counter.UNDELIVERED, 1L, Counter.FAILED, 1L, Counter.FEE, 6L));
            statistics.add(new AccountId("pulls-stats"), today, Map.of(Counter.REQUESTED, 1L));
        }
        ApiClient.Response week = client("pulls-stats").get("/v1/statistics");
        assertThat(week.status()).as(week.body()).isEqualTo(200);
        List<Map<String, Object>> days = list(week.json().get("days"));
        assertThat(days).extracting(d -> d.get("date")).containsExactlyElementsOf(
                today.minusDays(6).datesUntil(today.plusDays(1)).map(LocalDate::toString).toList());
        assertThat(days.get(4)).isEqualTo(Map.of("date", today.minusDays(2).toString(), "requested", 5, "sent", 4,
                "delivered", 2, "undelivered", 1, "failed", 1, "fee", 6, "optedOut", 0));
        assertThat(days.get(6)).containsEntry("requested", 1).containsEntry("sent", 0);
        assertThat(days.get(0)).containsEntry("requested", 0).containsEntry("fee", 0);
        assertThat(week.json()).containsKey("requestId");

        ApiClient.Response month = client("pulls-stats").get(query("/v1/statistics",
                params("from", today.minusDays(30), "to", today)));
        assertThat(list(month.json().get("days"))).hasSize(31);
        ApiClient.Response other = client("pulls-stats-other").get(query("/v1/statistics",
                params("from", today.minusDays(2), "to", today.minusDays(2))));
        assertThat(list(other.json().get("days"))).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("requested", 0).containsEntry("fee", 0));
    }
}
