package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import smsplatform.functions.sms.CloudFormationResponse;
import smsplatform.functions.sms.SmsLoggingSettingsHandler;
import smsplatform.json.Json;

/**
 * The custom resource that turns on SMS delivery-status logging, driven as CloudFormation drives it: the
 * real SDK's SetSMSAttributes reaches a local endpoint standing in for SNS, and the answer reaches a local
 * endpoint standing in for the presigned ResponseURL.
 */
class SmsLoggingSettingsHandlerTest {

    record Received(String path, String contentType, String body) {}

    static final String ROLE = "arn:aws:iam::123456789012:role/sms-SmsDeliveryStatusLogsRole-1A2B3C";
    static final List<Received> SNS = new CopyOnWriteArrayList<>();
    static final List<Received> RESPONSES = new CopyOnWriteArrayList<>();
    static final AtomicInteger SNS_STATUS = new AtomicInteger(200);
    static HttpServer server;
    static SmsLoggingSettingsHandler handler;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received received = new Received(exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            boolean cloudFormation = exchange.getRequestURI().getPath().startsWith("/cfn-response/");
            (cloudFormation ? RESPONSES : SNS).add(received);
            boolean json = String.valueOf(received.contentType()).contains("json");
            int status = cloudFormation ? 200 : SNS_STATUS.get();
            String answer = cloudFormation ? "" : status == 200
                    ? (json ? "{}" : "<SetSMSAttributesResponse><SetSMSAttributesResult/><ResponseMetadata>"
                            + "<RequestId>r-1</RequestId></ResponseMetadata></SetSMSAttributesResponse>")
                    : (json ? "{\"__type\":\"AuthorizationError\",\"message\":\"not authorized to perform iam:PassRole\"}"
                            : "<ErrorResponse><Error><Type>Sender</Type><Code>AuthorizationError</Code>"
                            + "<Message>not authorized to perform iam:PassRole</Message></Error><RequestId>r-2</RequestId></ErrorResponse>");
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", json ? "application/x-amz-json-1.0" : "text/xml");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        handler = new SmsLoggingSettingsHandler(SnsCarrierSignedRequestTest.localSns(server), new CloudFormationResponse());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void clear() {
        SNS.clear();
        RESPONSES.clear();
        SNS_STATUS.set(200);
    }

    /** A request as CloudFormation sends it (properties arrive as strings). */
    static Map<String, Object> request(String type, Map<String, Object> properties) {
        String responseUrl = "http://127.0.0.1:" + server.getAddress().getPort()
                + "/cfn-response/stack%7CSmsLoggingSettings%7Creq?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc";
        Map<String, Object> request = new LinkedHashMap<>(Map.of("RequestType", type, "RequestId", "req-" + type,
                "ResponseURL", responseUrl, "ResourceType", "Custom::SmsLoggingSettings",
                "LogicalResourceId", "SmsLoggingSettings",
                "StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/sms/c0ffee00-98a1-11e3-aff7-50e2416294e0",
                "ResourceProperties", properties));
        if (!type.equals("Create")) {
            request.put("PhysicalResourceId", "sns-sms-delivery-status-logging");
        }
        return request;
    }

    static Map<String, Object> properties(String rate) {
        return Map.of("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:settings",
                "DeliveryStatusIAMRole", ROLE, "DeliveryStatusSuccessSamplingRate", rate);
    }

    static Map<String, Object> onlyResponse() {
        assertThat(RESPONSES).hasSize(1);
        Received response = RESPONSES.get(0);
        assertThat(response.path()).as("the presigned URL, query included").contains("X-Amz-Signature=abc");
        assertThat(response.contentType()).as("no Content-Type the signature would have to cover").isEmpty();
        return Json.parseObject(response.body());
    }

    @Test
    void createSetsBothAttributesThroughASignedSetSmsAttributesAndAnswersSuccess() {
        handler.handleRequest(request("Create", properties("100")), null);
        assertThat(SNS).hasSize(1);
        String call = URLDecoder.decode(SNS.get(0).body(), StandardCharsets.UTF_8);
        assertThat(call).contains("SetSMSAttributes").contains("DeliveryStatusIAMRole").contains(ROLE)
                .contains("DeliveryStatusSuccessSamplingRate");
        assertThat(onlyResponse()).containsEntry("Status", "SUCCESS")
                .containsEntry("PhysicalResourceId", "sns-sms-delivery-status-logging")
                .containsEntry("RequestId", "req-Create").containsEntry("LogicalResourceId", "SmsLoggingSettings")
                .containsEntry("StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/sms/c0ffee00-98a1-11e3-aff7-50e2416294e0")
                .doesNotContainKey("Reason");
    }

    @Test
    void updateSetsTheNewRateUnderTheSamePhysicalId() {
        handler.handleRequest(request("Update", properties("10")), null);
        assertThat(URLDecoder.decode(SNS.get(0).body(), StandardCharsets.UTF_8)).contains("=10");
        assertThat(onlyResponse()).containsEntry("Status", "SUCCESS")
                .containsEntry("PhysicalResourceId", "sns-sms-delivery-status-logging");
    }

    @Test
    void deleteCallsNothingAndSucceedsSoTheStackIsNeverStuck() {
        handler.handleRequest(request("Delete", properties("100")), null);
        assertThat(SNS).isEmpty();
        assertThat(onlyResponse()).containsEntry("Status", "SUCCESS");
        handler.handleRequest(request("Delete", Map.of()), null);
        assertThat(RESPONSES.get(1).body()).contains("\"SUCCESS\"");
    }

    @Test
    void aRefusalBySnsFailsTheResourceWithSnsReason() {
        SNS_STATUS.set(403);
        handler.handleRequest(request("Create", properties("100")), null);
        assertThat(SNS).hasSize(1);
        Map<String, Object> response = onlyResponse();
        assertThat(response).containsEntry("Status", "FAILED");
        assertThat(String.valueOf(response.get("Reason"))).contains("iam:PassRole");
    }

    @Test
    void propertiesThatAreNotARoleArnAndAPercentageFailBeforeSnsIsCalled() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(properties("101"), properties("-1"), properties("5.5"),
                Map.of("DeliveryStatusIAMRole", "arn:aws:iam::123456789012:user/alice", "DeliveryStatusSuccessSamplingRate", "0"),
                Map.of("DeliveryStatusSuccessSamplingRate", "0"))) {
            RESPONSES.clear();
            handler.handleRequest(request("Create", bad), null);
            assertThat(onlyResponse()).as(bad.toString()).containsEntry("Status", "FAILED").containsKey("Reason");
        }
        RESPONSES.clear();
        handler.handleRequest(request("Rename", properties("0")), null);
        assertThat(String.valueOf(onlyResponse().get("Reason"))).contains("unknown RequestType");
        assertThat(SNS).isEmpty();
    }
}
