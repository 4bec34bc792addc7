package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every sample event in {@code events/} runs through what {@code ./sms-local invoke} runs against the running
 * stack, so the samples (and the invoke command) cannot rot.
 */
@ResourceLock(SharedStack.MESSAGES)
class SampleEventsTest {

    static RunningStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(SampleEventsTest.class);
    }

    record Invocation(int exitCode, String output) {
        Map<String, Object> json() {
            String[] lines = output.trim().split("\n");
            return Json.parseObject(lines[lines.length - 1]);
        }

        Map<String, Object> body() {
            return Json.parseObject((String) json().get("body"));
        }

        int status() {
            return ((Number) json().get("statusCode")).intValue();
        }

        /** The response of an HTTP sample held to openapi.yaml, as the end-to-end tests hold the API's. */
        Invocation onContract(String eventFile) throws Exception {
            Map<String, Object> event = sample(eventFile);
            String[] route = ((String) event.get("routeKey")).split(" ");
            assertThat(OpenApiContract.INSTANCE.check(route[0], (String) event.get("rawPath"), (String) event.get("body"),
                    status(), (String) json().get("body"))).as(eventFile).isEmpty();
            return this;
        }
    }

    static Map<String, Object> sample(String eventFile) throws Exception {
        return Json.parseObject(Files.readString(RunningStack.PROJECT.resolve("events").resolve(eventFile)));
    }

    /**
     * What {@code ./sms-local invoke FUNCTION --event events/FILE} runs, in this JVM: the function still starts in a
     * JVM of its own, as a fresh container, and its log lines come before its response, as on the terminal. A JVM
     * for the command itself would cost the suite a second or two a sample; SmsLocalEndToEndTest runs the command.
     */
    static Invocation invoke(String function, String eventFile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = SmsLocal.execute(new String[] {"invoke", function,
                    "--event", RunningStack.PROJECT.resolve("events").resolve(eventFile).toString(),
                    "--data-dir", stack.dataDir.toString(), "--project", RunningStack.PROJECT.toString()}, stdout, stderr);
        }
        return new Invocation(exitCode, err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyHandlerHasASampleEvent() throws Exception {
        try (Stream<Path> files = Files.list(RunningStack.PROJECT.resolve("events"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
            assertThat(names).anyMatch(n -> n.startsWith("signatures-api-"))
                    .anyMatch(n -> n.startsWith("templates-api-"))
                    .anyMatch(n -> n.startsWith("certificate-check-"))
                    .anyMatch(n -> n.startsWith("review-queue-"))
                    .anyMatch(n -> n.startsWith("reviewer-api-"))
                    .anyMatch(n -> n.startsWith("send-sms"))
                    .anyMatch(n -> n.startsWith("delivery-"))
                    .anyMatch(n -> n.startsWith("outbound-dead-letter-"))
                    .anyMatch(n -> n.startsWith("message-sweeper-"))
                    .anyMatch(n -> n.startsWith("receipts-"))
                    .anyMatch(n -> n.startsWith("callback-dispatcher-"))
                    .anyMatch(n -> n.startsWith("inbound-sms-"));
        }
    }

    @Test
    void signatureSamplesSubmitThenList() throws Exception {
        Invocation submitted = invoke("SignaturesApiFunction", "signatures-api-submit.json");
        assertThat(submitted.exitCode()).as(submitted.output()).isZero();
        assertThat(((Number) submitted.json().get("statusCode")).intValue()).as(submitted.output()).isEqualTo(201);
        Object id = ApiClient.map(submitted.body().get("signature")).get("signatureId");

        Invocation listed = invoke("SignaturesApiFunction", "signatures-api-list.json");
        assertThat(ApiClient.list(listed.body().get("signatures"))).extracting(s -> s.get("signatureId")).contains(id);
    }

    /**
     * The template samples: the submission is stored (201, IN_REVIEW at the automatic stage), the automatic
     * review passes it to a reviewer, the applicant's listing holds it, and the reviewers' listing filtered
     * with ?kind=template holds templates only, this one among them.
     */
    @Test
    void templateSamplesSubmitListAndReachTheReviewer() throws Exception {
        Invocation submitted = invoke("SignaturesApiFunction", "templates-api-submit.json");
        assertThat(submitted.exitCode()).as(submitted.output()).isZero();
        assertThat(submitted.onContract("templates-api-submit.json").status()).as(submitted.output()).isEqualTo(201);
        Map<String, Object> template = submitted.body();
        String id = (String) template.get("templateId");
        assertThat(template).containsEntry("status", "IN_REVIEW").containsEntry("reviewStage", "AUTOMATIC")
                .containsEntry("content", "Your verification code is {1}, valid for 5 minutes.")
                .containsEntry("variables", List.of(Map.of("kind", "CODE")));

        ApiClient acme = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "acme", "ENTERPRISE", false));
        Map<String, Object> stored = acme.await("/v1/templates/" + id, t -> "MANUAL".equals(t.get("reviewStage")),
                "the automatic review of the sample template");
        assertThat(stored).containsEntry("name", "Login code").containsEntry("type", "VERIFICATION_CODE");

        Invocation listed = invoke("SignaturesApiFunction", "templates-api-list.json").onContract("templates-api-list.json");
        assertThat(listed.status()).as(listed.output()).isEqualTo(200);
        List<Map<String, Object>> templates = ApiClient.list(listed.body().get("templates"));
        assertThat(templates).extracting(t -> t.get("templateId")).contains(id);
        assertThat(templates).extracting(t -> t.get("status")).as("the sample filters ?status=IN_REVIEW")
                .containsOnly("IN_REVIEW");

        Invocation reviews = invoke("ReviewerApiFunction", "reviewer-api-list-templates.json")
                .onContract("reviewer-api-list-templates.json");
        assertThat(reviews.status()).as(reviews.output()).isEqualTo(200);
        List<Map<String, Object>> entries = ApiClient.list(reviews.body().get("reviews"));
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e).containsOnlyKeys("accountId", "template"));
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "ops", "ENTERPRISE", true));
        assertThat(reviewQueue(reviewer, "template")).contains("acme/" + id);
        assertThat(reviewQueue(reviewer, "signature")).doesNotContain("acme/" + id);
    }

    /** Every entry of the reviewers' queue of one kind, as accountId/id, page after page. */
    private static List<String> reviewQueue(ApiClient reviewer, String kind) throws Exception {
        List<String> entries = new ArrayList<>();
        String next = null;
        do {
            ApiClient.Response page = reviewer.get("/v1/reviews?kind=" + kind + "&limit=100"
                    + (next == null ? "" : "&nextToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            ApiClient.list(page.json().get("reviews")).forEach(e -> entries.add(e.get("accountId") + "/"
                    + ApiClient.map(e.get(kind)).get(kind + "Id")));
            next = (String) page.json().get("nextToken");
        } while (next != null);
        return entries;
    }

    @Test
    void certificateCheckSampleForAKeyOfNoSignatureChangesNothing() throws Exception {
        Path log = stack.dataDir.resolve("logs").resolve("CertificateCheckFunction.invoke.log");
        long linesBefore = Files.exists(log) ? Files.readAllLines(log).size() : 0;
        Map<String, Object> endpoints = Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json")));
        try (DynamoDbClient dynamo = LocalStack.client(DynamoDbClient.builder(), (String) endpoints.get("dynamoDb"))
                .build()) {
            List<Map<String, AttributeValue>> before = acmeItems(dynamo);
            Invocation checked = invoke("CertificateCheckFunction", "certificate-check-object-created.json");
            assertThat(checked.exitCode()).as(checked.output()).isZero();
            assertThat(checked.output().trim()).endsWith("\"checked 1\"");
            assertThat(acmeItems(dynamo)).as("the sample's account is unchanged").isEqualTo(before);
        }
        List<String> logged = Files.readAllLines(log).stream().skip(linesBefore).toList();
        assertThat(logged).anyMatch(l -> l.contains("\"certificate.ignored\"") && l.contains("object no longer exists"));
        assertThat(logged).noneMatch(l -> l.contains("\"certificate.recorded\""));
    }

    private static List<Map<String, AttributeValue>> acmeItems(DynamoDbClient dynamo) {
        return dynamo.query(b -> b.tableName("SmsTable").consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ACCOUNT#acme")))).items();
    }

    @Test
    void queueSamplesAreProcessedWithoutFailures() throws Exception {
        for (String[] sample : new String[][] {
                {"ReviewQueueFunction", "review-queue-automatic-review.json"},
                {"DeliveryFunction", "delivery-outbound-messages.json"},
                {"OutboundDeadLetterFunction", "outbound-dead-letter-messages.json"}}) {
            Invocation result = invoke(sample[0], sample[1]);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(ApiClient.list(result.json().get("batchItemFailures"))).as(sample[1]).isEmpty();
        }
    }

    /**
     * Two replies from January 2026, as the two-way SMS topic delivers them: no message reached those numbers in the
     * week before, so both are kept unattributed (their claims), never given to an account.
     */
    @Test
    void theInboundSampleKeepsTwoRepliesNoAccountCanBeGiven() throws Exception {
        Invocation inbound = invoke("InboundSmsFunction", "inbound-sms-replies.json");
        assertThat(inbound.exitCode()).as(inbound.output()).isZero();
        assertThat(ApiClient.list(inbound.json().get("batchItemFailures"))).isEmpty();
        try (DynamoDbClient dynamo = LocalStack.client(DynamoDbClient.builder(),
                (String) Json.parseObject(Files.readString(stack.dataDir.resolve("stack.json"))).get("dynamoDb"))
                .build()) {
            for (String id : List.of("8d6f3c1e-2b4a-4f0e-9c3d-7a1b2c3d4e01", "8d6f3c1e-2b4a-4f0e-9c3d-7a1b2c3d4e02")) {
                Map<String, AttributeValue> claim = dynamo.getItem(b -> b.tableName("SmsTable").key(Map.of(
                        "pk", AttributeValue.fromS("INBOUND#" + id), "sk", AttributeValue.fromS("INBOUND#")))).item();
                assertThat(claim).as(id).containsKey("text").doesNotContainKey("accountId");
            }
        }
    }

    @Test
    void theSweeperSampleRunsOneSweepAndSaysWhatItDid() throws Exception {
        Invocation sweep = invoke("MessageSweeperFunction", "message-sweeper-scheduled.json");
        assertThat(sweep.exitCode()).as(sweep.output()).isZero();
        assertThat(sweep.json()).containsOnlyKeys("requeued", "failed", "waiting", "withoutReceipt", "announced");
    }

    /** An SNS delivery-status record, as its subscription filter delivers it, for a carrier id no message has yet: kept. */
    @Test
    void theReceiptSampleIsReadAsAnSnsRecordAndKeptForTheMessageItWillName() throws Exception {
        Invocation receipt = invoke("ReceiptFunction", "receipts-sns-delivery-status.json");
        assertThat(receipt.exitCode()).as(receipt.output()).isZero();
        assertThat(receipt.json()).isEqualTo(Map.of("parked", 1, "malformed", 0));
    }

    @Test
    void reviewerSamples() throws Exception {
        Invocation list = invoke("ReviewerApiFunction", "reviewer-api-list-reviews.json");
        assertThat(((Number) list.json().get("statusCode")).intValue()).as(list.output()).isEqualTo(200);
        Invocation decision = invoke("ReviewerApiFunction", "reviewer-api-decision.json");
        assertThat(((Number) decision.json().get("statusCode")).intValue()).as(decision.output()).isEqualTo(404);
    }

    /** The send sample names a template (free text is no longer sent) under a sign the sample account lacks. */
    @Test
    void sendSmsSamplesRefuseASignThatIsNotApproved() throws Exception {
        Map<String, Object> request = Json.parseObject((String) sample("send-sms.json").get("body"));
        assertThat(request).containsKeys("templateId", "templateParams").doesNotContainKey("content");
        Invocation send = invoke("SendSmsFunction", "send-sms.json").onContract("send-sms.json");
        assertThat(send.status()).as(send.output()).isEqualTo(400);
        assertThat(ApiClient.map(send.body().get("error")).get("code"))
                .isEqualTo("FailedOperation.SignatureIncorrectOrUnapproved");
        Invocation status = invoke("SendSmsFunction", "send-sms-status.json");
        assertThat(((Number) status.json().get("statusCode")).intValue()).as(status.output()).isEqualTo(404);
    }
}
