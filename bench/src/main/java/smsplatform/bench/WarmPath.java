package smsplatform.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smsplatform.domain.AccountId;
import smsplatform.local.LocalStack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SendSms warm path: WarmProbe in its own JVM (-Xmx256m) on the SendSms artifact, for 1 and 200
 * numbers, the function and its SDK floor. Messages go to a bench queue that nothing consumes (the
 * stack's delivery function would otherwise compete for the 2 cores), emptied between measurements.
 */
final class WarmPath {

    record Percentiles(long p50, long p99, long rssMb) {}

    private static final Pattern WARM = Pattern.compile("WARM p50=(\\d+) p99=(\\d+) rss=(\\d+)");
    private static final Pattern WAVES =
            Pattern.compile("WAVES p50=(\\d+) max=(\\d+) calls=(\\d+) connections=(\\d+) maxConnections=(\\d+)");

    private final String java;
    private final Path project;
    private final Seeds seeds;
    private final LocalStack.FunctionSpec sms;
    private final String classpath;
    private final SqsClient sqs;
    private final String sqsEndpoint;
    private int accounts;

    WarmPath(String java, Path project, Path work, Seeds seeds, String sqsEndpoint, LocalStack.FunctionSpec sms,
             String probeClasses, String serialization) {
        this.java = java;
        this.project = project;
        this.seeds = seeds;
        this.sms = sms;
        this.classpath = Bench.classpath(sms.artifact().toString(), probeClasses, serialization);
        Map<String, String> env = sms.environment();
        this.sqsEndpoint = sqsEndpoint;
        this.sqs = SqsClient.builder().endpointOverride(URI.create(sqsEndpoint)).region(Region.of(env.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    void measure(int invocations, int warmUp) throws Exception {
        String queue = sqs.createQueue(b -> b.queueName("bench-outbound")).queueUrl();
        if (!Boolean.getBoolean("bench.warm.marketingOnly")) {
            measureSizes(invocations, warmUp, queue);
        }
        measureMarketing(invocations, warmUp, queue);
    }

    /**
     * The same 200-number send with a MARKETING template (one consistent batched read of the opt-out list per 100
     * numbers) and with a NOTIFICATION template (none), alternated twice to even out drift. Target 1.1 x.
     */
    private void measureMarketing(int invocations, int warmUp, String queue) throws Exception {
        long[] notification = new long[2];
        long[] marketing = new long[2];
        for (int round = 0; round < 2; round++) {
            notification[round] = percentiles(run("handler", 200, invocations, warmUp, queue, Seeds.NOTIFICATION_ID)).p50();
            marketing[round] = percentiles(run("handler", 200, invocations, warmUp, queue, Seeds.MARKETING_ID)).p50();
        }
        double n = (notification[0] + notification[1]) / 2000.0;
        double m = (marketing[0] + marketing[1]) / 2000.0;
        System.out.println();
        System.out.println("| SendSms warm, 200 numbers (" + invocations + " invocations after " + warmUp + ", twice each)"
                + " | NOTIFICATION p50 ms | MARKETING p50 ms | MARKETING / NOTIFICATION |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| runs: %.1f, %.1f / %.1f, %.1f | %.1f | %.1f | %.2f |%n", notification[0] / 1000.0,
                notification[1] / 1000.0, marketing[0] / 1000.0, marketing[1] / 1000.0, n, m, m / n);
        System.out.printf("%nTarget: MARKETING <= 1.1 x NOTIFICATION: %.2f (%s)%n", m / n, m / n <= 1.1 ? "met" : "MISSED");
    }

    private void measureSizes(int invocations, int warmUp, String queue) throws Exception {
        Map<String, Percentiles[]> results = new LinkedHashMap<>();
        for (int numbers : new int[] {1, 200}) {
            Percentiles floor = run("floor", numbers, invocations, warmUp, queue);
            Percentiles function = run("handler", numbers, invocations, warmUp, queue);
            results.put(numbers + (numbers == 1 ? " number" : " numbers"), new Percentiles[] {floor, function});
        }
        System.out.println();
        System.out.println("| SendSms warm path (" + invocations + " invocations after " + warmUp + ") | SDK floor p50 / p99 ms"
                + " | function p50 / p99 ms | x SDK floor (p50) | peak RSS MB fn / floor |");
        System.out.println("|---|---|---|---|---|");
        results.forEach((label, r) -> System.out.printf("| %s | %.1f / %.1f | %.1f / %.1f | %.2f | %d / %d |%n", label,
                r[0].p50() / 1000.0, r[0].p99() / 1000.0, r[1].p50() / 1000.0, r[1].p99() / 1000.0,
                r[1].p50() / (double) r[0].p50(), r[1].rssMb(), r[0].rssMb()));
        Percentiles one = results.get("1 number")[1];
        Percentiles many = results.get("200 numbers")[1];
        double oneRatio = one.p50() / (double) results.get("1 number")[0].p50();
        double manyRatio = many.p50() / (double) one.p50();
        System.out.printf("%nTargets: 1 number <= 1.2 x SDK floor: %.2f (%s); 200 numbers <= 10 x 1 number: %.1f (%s)%n",
                oneRatio, oneRatio <= 1.2 ? "met" : "MISSED", manyRatio, manyRatio <= 10 ? "met" : "MISSED");
    }

    private Percentiles run(String mode, int numbers, int invocations, int warmUp, String queue) throws Exception {
        return percentiles(run(mode, numbers, invocations, warmUp, queue, Seeds.TEMPLATE_ID));
    }

    /**
     * The send of 1 and of 200 numbers straight to dynalite and through a {@link LatencyProxy} giving every
     * DynamoDB call {@code serviceMs}, alternated, with the critical path (sequential waves of DynamoDB calls)
     * the proxy saw. Target: 200 numbers <= 10 x 1 number through the proxy.
     */
    void measureLatency(int invocations, int warmUp, long serviceMs) throws Exception {
        String queue = sqs.createQueue(b -> b.queueName("bench-outbound")).queueUrl();
        System.out.println();
        System.out.println("| SendSms warm path (" + invocations + " invocations after " + warmUp + ") | numbers"
                + " | p50 / p99 ms | DynamoDB calls per send | waves of DynamoDB calls, p50 (max)"
                + " | DynamoDB connections opened per send, p50 (max) |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, Long> p50 = new LinkedHashMap<>();
        for (boolean proxied : new boolean[] {false, true}) {
            String label = proxied ? "through the proxy, " + serviceMs + " ms per call" : "straight to dynalite";
            for (int numbers : new int[] {1, 200}) {
                String output = run("handler", numbers, invocations, warmUp, queue, Seeds.TEMPLATE_ID,
                        proxied ? proxyArgs(serviceMs) : new String[0]);
                Percentiles p = percentiles(output);
                Matcher w = WAVES.matcher(output);
                boolean waves = w.find();
                p50.put(label + numbers, p.p50());
                System.out.printf("| %s | %d | %.1f / %.1f | %s | %s | %s |%n", label, numbers, p.p50() / 1000.0,
                        p.p99() / 1000.0, waves ? w.group(3) : "-", waves ? w.group(1) + " (" + w.group(2) + ")" : "-",
                        waves ? w.group(4) + " (" + w.group(5) + ")" : "-");
            }
        }
        for (String label : new String[] {"straight to dynalite", "through the proxy, " + serviceMs + " ms per call"}) {
            double ratio = p50.get(label + 200) / (double) p50.get(label + 1);
            System.out.printf("%n200 numbers / 1 number (p50), %s: %.1f x (target <= 10 x: %s)%n", label, ratio,
                    ratio <= 10 ? "met" : "MISSED");
        }
    }

    private String[] proxyArgs(long serviceMs) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new String[] {String.valueOf(port), String.valueOf(serviceMs), sms.environment().get("AWS_ENDPOINT_URL_DYNAMODB")};
    }

    private static Percentiles percentiles(String output) {
        Matcher m = WARM.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("WarmProbe printed no result:\n" + output);
        }
        return new Percentiles(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    private String run(String mode, int numbers, int invocations, int warmUp, String queue, String templateId,
                       String... proxy) throws Exception {
        System.err.println("bench: warm path, " + mode + ", " + numbers + " number(s), " + templateId);
        AccountId account = new AccountId("bench-warm-" + (++accounts));
        seeds.approvedSender(account);
        // The bench queue is outside the function's grants (no function consumes it, so the delivery function
        // does not compete for the cores): its SQS calls go straight to the emulator, the floor's too.
        Map<String, String> env = Bench.env(sms.environment(), "OUTBOUND_QUEUE_URL", queue, "AWS_ENDPOINT_URL_SQS", sqsEndpoint);
        if (proxy.length > 0) {
            env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + proxy[0]);
        }
        List<String> args = new ArrayList<>(List.of(mode, String.valueOf(numbers), String.valueOf(warmUp),
                String.valueOf(invocations), project.resolve("events").resolve("send-sms.json").toString(), account.value(), templateId));
        args.addAll(List.of(proxy));
        String output = Probes.run(java, classpath, env, "smsplatform.bench.WarmProbe", args.toArray(String[]::new));
        sqs.purgeQueue(b -> b.queueUrl(queue));
        return output;
    }
}
