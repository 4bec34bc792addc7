package smsplatform.carrier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import smsplatform.domain.SerialNo;
import smsplatform.json.Json;
import smsplatform.ports.Carrier;

/**
 * The local carrier simulator's client: POSTs {serialNo, phoneNumber, text} to the simulator, which
 * records what the handset receives and ignores a serial number it has already delivered. The
 * simulator takes messages only with the secret sms-local gave this function at its start.
 * 2xx is accepted (its body names the simulator's message id, which its receipts carry), 4xx a permanent
 * failure, anything else (and no answer) a transient one.
 */
public final class SimulatorCarrier implements Carrier {

    /** The header carrying the secret sms-local gives its delivery function at each start. */
    public static final String SECRET_HEADER = "Carrier-Simulator-Secret";

    private final URI endpoint;
    private final String secret;

    public SimulatorCarrier(URI endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret;
    }

    @Override
    public boolean deduplicatesBySerialNo() {
        return true;
    }

    @Override
    public Result deliver(SerialNo serialNo, String phoneNumber, String text) {
        byte[] body = Json.write(Map.of("serialNo", serialNo.value(), "phoneNumber", phoneNumber, "text", text))
                .getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(5_000);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            connection.setRequestProperty(SECRET_HEADER, secret);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            String answer;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (status / 100 == 2) {
                Object messageId = messageId(answer);
                if (!(messageId instanceof String id) || id.isBlank()) {
                    return Result.refused(Outcome.TRANSIENT_FAILURE, "simulator accepted without a message id");
                }
                return Result.accepted(id, "simulator message " + id);
            }
            return Result.refused(status / 100 == 4 ? Outcome.PERMANENT_FAILURE : Outcome.TRANSIENT_FAILURE,
                    "simulator answered " + status);
        } catch (IOException e) {
            return Result.refused(Outcome.TRANSIENT_FAILURE, "simulator unreachable: " + e.getMessage());
        }
    }

    private static Object messageId(String answer) {
        try {
            return Json.parseObject(answer).get("messageId");
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
