package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.carrier.SnsCarrier;
import smsplatform.domain.AccountId;
import smsplatform.domain.SerialNo;
import smsplatform.domain.SmsMessage;
import smsplatform.ports.Carrier;
import smsplatform.service.DeliveryService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The production carrier's request, signed by the real SDK, received by a local HTTP endpoint standing
 * in for SNS (no emulator of SNS SMS exists here): what it sends, and how it reads SNS's answers.
 */
@ResourceLock(AwsBackend.LOCK)
class SnsCarrierSignedRequestTest {

    record Received(String method, String path, Map<String, List<String>> headers, String body) {}

    static HttpServer server;
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicReference<int[]> ANSWER = new AtomicReference<>(new int[] {200});
    static final AtomicReference<String> ERROR_CODE = new AtomicReference<>("");
    static SnsCarrier carrier;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).contains("json");
            int status = ANSWER.get()[0];
            String response;
            if (status == 200) {
                response = json ? "{\"MessageId\":\"mid-1\"}"
                        : "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>mid-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId>"
                        + "</ResponseMetadata></PublishResponse>";
            } else {
                response = json ? "{\"__type\":\"" + ERROR_CODE.get() + "\",\"message\":\"refused\"}"
                        : "<ErrorResponse><Error><Type>Sender</Type><Code>" + ERROR_CODE.get() + "</Code>"
                        + "<Message>refused</Message></Error><RequestId>r-2</RequestId></ErrorResponse>";
            }
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", json ? "application/x-amz-json-1.0" : "text/xml");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "r-1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        carrier = new SnsCarrier(localSns(server));
    }

    /** The real SDK's SNS client, signing as a caller would, sending to the local endpoint without retries. */
    static SnsClient localSns(HttpServer server) {
        return SnsClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void publishesTheRenderedTextToTheNumberInASigV4SignedRequest() {
        RECEIVED.clear();
        ANSWER.set(new int[] {200});
        Carrier.Result result = carrier.deliver(TestSerials.of("1"), "+8613800138000", "【Tencent Cloud】Your code is 123456");
        assertThat(result.outcome()).isEqualTo(Carrier.Outcome.ACCEPTED);
        assertThat(result.carrierMessageId()).as("the id SNS's delivery-status records name").isEqualTo("mid-1");
        assertThat(RECEIVED).hasSize(1);
        Received request = RECEIVED.get(0);
        assertThat(request.method()).isEqualTo("POST");
        String authorization = request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Authorization")).findFirst().orElseThrow().getValue().get(0);
        assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-east-1/sns/aws4_request").contains("SignedHeaders=").contains("Signature=");
        String body = URLDecoder.decode(request.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("Publish").contains("+8613800138000").contains("【Tencent Cloud】Your code is 123456")
                .contains("AWS.SNS.SMS.SMSType").contains("Transactional");
        assertThat(carrier.deduplicatesBySerialNo()).isFalse();
    }

    @Test
    void aMessageWhoseHandOverToSnsWasInterruptedIsNotSentAgainButAnExplicitRefusalIs() throws Exception {
        try (AwsBackend backend = AwsBackend.selected()) {
            Progress progress = new Progress(backend, backend.table(), Clock.systemUTC());
            var messages = progress.messages;
            var delivery = new DeliveryService(messages, progress.progress, carrier, Clock.systemUTC());
            Instant now = Instant.now();
            var queued = new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, now, null);
            var sent = new SmsMessage.StatusChange(SmsMessage.Status.SENT, now, null);
            for (SerialNo serial : List.of(TestSerials.of("interrupted"), TestSerials.of("refused"))) {
                messages.recordQueued(List.of(new SmsMessage(new AccountId("sns-acct"), serial, "+8613800138000", "S",
                        null, "text", 1, SmsMessage.Status.QUEUED, List.of(queued), now)), false);
            }
            // A crash after the hand-over began: SENT, outcome unknown.
            messages.transition(new AccountId("sns-acct"), TestSerials.of("interrupted"), SmsMessage.Status.QUEUED, sent);
            RECEIVED.clear();
            delivery.deliver(new AccountId("sns-acct"), TestSerials.of("interrupted"));
            assertThat(RECEIVED).as("not handed to SNS a second time").isEmpty();
            assertThat(messages.find(new AccountId("sns-acct"), TestSerials.of("interrupted")).orElseThrow().status())
                    .isEqualTo(SmsMessage.Status.FAILED);

            // An explicit transient refusal is safe to retry: SNS did not take the message.
            ANSWER.set(new int[] {500});
            ERROR_CODE.set("InternalError");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> delivery.deliver(new AccountId("sns-acct"), TestSerials.of("refused")))
                    .isInstanceOf(DeliveryService.RetryLater.class);
            ANSWER.set(new int[] {200});
            delivery.deliver(new AccountId("sns-acct"), TestSerials.of("refused"));
            assertThat(messages.find(new AccountId("sns-acct"), TestSerials.of("refused")).orElseThrow().carrierMessageId())
                    .as("accepted by SNS, awaiting its receipt").isEqualTo("mid-1");
            assertThat(RECEIVED).hasSize(2);
        }
    }

    @Test
    void throttlingAndServerErrorsAreTransientAndARefusedNumberIsPermanent() {
        ANSWER.set(new int[] {400});
        ERROR_CODE.set("Throttling");
        assertThat(carrier.deliver(TestSerials.of("2"), "+8613800138000", "x").outcome()).isEqualTo(Carrier.Outcome.TRANSIENT_FAILURE);
        ANSWER.set(new int[] {500});
        ERROR_CODE.set("InternalError");
        assertThat(carrier.deliver(TestSerials.of("3"), "+8613800138000", "x").outcome()).isEqualTo(Carrier.Outcome.TRANSIENT_FAILURE);
        ANSWER.set(new int[] {400});
        ERROR_CODE.set("InvalidParameter");
        assertThat(carrier.deliver(TestSerials.of("4"), "+86123", "x").outcome()).isEqualTo(Carrier.Outcome.PERMANENT_FAILURE);
    }
}
