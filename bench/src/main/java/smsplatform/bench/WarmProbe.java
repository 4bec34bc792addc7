package smsplatform.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm path, in one JVM on the SendSms artifact: after a warm-up, {@code invocations} successful
 * sends of {@code numbers} numbers each, either through the function's handler or through
 * {@link WarmSdkFloor} (the same AWS calls, nothing else). Every number is new, so every send is
 * admitted, recorded and queued; a response that does not say Ok for every number stops the run.
 * Arguments: handler|floor, numbers, warm-up, invocations, event file, account (seeded with an
 * APPROVED "Acme Cloud" and template), template id, and optionally a {@link LatencyProxy} to run in this JVM
 * (port the function's DynamoDB endpoint names, service time in ms, dynalite's endpoint behind it).
 * Prints {@code WARM p50=<us> p99=<us> rss=<MB>}, and with a proxy
 * {@code WAVES p50=<waves> max=<waves> calls=<calls per send> connections=<opened per send, p50> maxConnections=<max>}.
 */
public final class WarmProbe {

    private WarmProbe() {}

    public static void main(String[] args) throws Exception {
        boolean floor = args[0].equals("floor");
        int numbers = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        int invocations = Integer.parseInt(args[3]);
        APIGatewayV2HTTPEvent event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                WarmProbe.class.getClassLoader()).fromJson(Files.readString(Path.of(args[4])));
        String account = args[5];
        String templateId = args.length > 6 ? args[6] : Seeds.TEMPLATE_ID;
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("account_id", account);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);

        LatencyProxy proxy = args.length > 9 ? new LatencyProxy(URI.create(args[9]), Integer.parseInt(args[7]),
                Duration.ofMillis(Long.parseLong(args[8]))) : null;
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = floor ? null
                : (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                        Class.forName("smsplatform.functions.sms.SendSmsHandler").getConstructor().newInstance();
        WarmSdkFloor sdk = floor ? new WarmSdkFloor(account) : null;
        int[] waves = new int[invocations];
        int[] calls = new int[invocations];
        int[] connections = new int[invocations];

        long[] micros = new long[invocations];
        int next = 0;
        for (int i = 0; i < warmUp + invocations; i++) {
            List<String> to = new ArrayList<>();
            for (int j = 0; j < numbers; j++) {
                to.add(String.format("+86139%08d", i * numbers + j));
            }
            long begin = System.nanoTime();
            if (floor) {
                sdk.send(to);
            } else {
                event.setBody("{\"phoneNumbers\": [\"" + String.join("\", \"", to)
                        + "\"], \"sign\": \"Acme Cloud\", \"templateId\": \"" + templateId
                        + "\", \"templateParams\": [\"" + (100000 + i) + "\"]}");
                check(handler.handleRequest(event, null), numbers);
            }
            long took = (System.nanoTime() - begin) / 1000;
            List<LatencyProxy.Call> made = proxy == null ? List.of() : proxy.drain();
            int opened = proxy == null ? 0 : proxy.connectionsOpened();
            if (i >= warmUp) {
                connections[next] = opened;
                waves[next] = LatencyProxy.waves(made);
                calls[next] = made.size();
                micros[next++] = took;
            }
        }
        Arrays.sort(micros);
        System.out.println("WARM p50=" + micros[micros.length / 2] + " p99=" + micros[(int) Math.ceil(micros.length * 0.99) - 1]
                + " rss=" + ColdStartProbe.peakRssMb());
        if (proxy != null) {
            Arrays.sort(waves);
            Arrays.sort(calls);
            Arrays.sort(connections);
            System.out.println("WAVES p50=" + waves[invocations / 2] + " max=" + waves[invocations - 1]
                    + " calls=" + calls[invocations / 2] + " connections=" + connections[invocations / 2]
                    + " maxConnections=" + connections[invocations - 1]);
        }
        System.exit(0); // the fan-out pools are daemon threads; the SDK's are not all
    }

    private static void check(APIGatewayV2HTTPResponse response, int numbers) {
        String body = response.getBody();
        int ok = body.split("\"code\":\"Ok\"", -1).length - 1;
        if (response.getStatusCode() != 200 || ok != numbers) {
            throw new IllegalStateException("expected " + numbers + " x Ok, got " + response.getStatusCode() + " " + body);
        }
    }
}
