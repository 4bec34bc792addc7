package smsplatform.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import smsplatform.json.Json;

/**
 * {@code ./sms-local start | token | invoke} (DESIGN §6). The launcher script builds what is
 * missing and runs this class from the project directory.
 */
public final class SmsLocal {

    private SmsLocal() {}

    /** The options each command takes ({@code project} is the launcher's own). */
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "start", Set.of("port", "data-dir", "template", "iam", "parameter-overrides", "schedule-every", "pause-at",
                    "project"),
            "token", Set.of("account", "type", "reviewer", "data-dir", "template", "project"),
            "invoke", Set.of("event", "data-dir", "template", "project"));

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !OPTIONS.containsKey(args[0])) {
            usage();
            return;
        }
        Map<String, String> options;
        int port;
        LocalStack.Options startOptions;
        try {
            options = options(args);
            port = Integer.parseInt(options.getOrDefault("port", "3000"));
            startOptions = new LocalStack.Options(parameterOverrides(options.getOrDefault("parameter-overrides", "")),
                    scheduleEvery(options.get("schedule-every")), options.get("pause-at"),
                    iam(options.getOrDefault("iam", "on")));
        } catch (IllegalArgumentException wrong) {
            // A mistake on the command line: one line, exit code 2, no stack trace.
            System.err.println("sms-local: " + wrong.getMessage() + " (--help for usage)");
            System.exit(2);
            return;
        }
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        // A given --data-dir is relative to where the user runs the command; the default lives in the project.
        Path dataDir = options.containsKey("data-dir") ? Path.of(options.get("data-dir")).toAbsolutePath().normalize()
                : project.resolve(".sms-local");
        Path template = options.containsKey("template") ? Path.of(options.get("template")).toAbsolutePath().normalize()
                : project.resolve("template.yaml");
        switch (args[0]) {
            case "start" -> start(project, template, dataDir, port, startOptions);
            case "token" -> token(template, dataDir, options);
            case "invoke" -> invoke(template, dataDir, options);
            default -> usage();
        }
    }

    /** {@code --iam off} turns IAM enforcement off, for debugging only. */
    private static boolean iam(String value) {
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException("--iam must be on or off");
        }
        return value.equals("on");
    }

    private static void start(Path project, Path template, Path dataDir, int port, LocalStack.Options options)
            throws Exception {
        LocalStack stack = LocalStack.start(project, template, dataDir, port, options);
        if (!options.enforceIam()) {
            System.out.println("sms-local: IAM enforcement is OFF (--iam off): functions may do what AWS would refuse");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "sms-local-stop"));
        System.out.println("READY http://127.0.0.1:" + stack.port());
        System.out.flush();
        stopped.await();
    }

    private static void token(Path template, Path dataDir, Map<String, String> options) throws Exception {
        String account = required(options, "account");
        String type = required(options, "type");
        if (!List.of("ENTERPRISE", "PUBLIC_INSTITUTION", "INDIVIDUAL").contains(type)) {
            throw new IllegalArgumentException("--type must be ENTERPRISE, PUBLIC_INSTITUTION or INDIVIDUAL");
        }
        if (!LocalIssuer.exists(dataDir)) {
            // A key made here would sign tokens no stack accepts: the stack makes its key when it first starts.
            System.err.println("sms-local: no stack has run with data dir " + dataDir
                    + ": start it first with ./sms-local start");
            System.exit(2);
            return;
        }
        // The issuer and audience the stack was started with (--parameter-overrides), else the local ones.
        Map<String, String> overrides = new LinkedHashMap<>();
        Path stackFile = dataDir.resolve("stack.json");
        if (Files.exists(stackFile)) {
            Template.map(Json.parseObject(Files.readString(stackFile)).get("parameterOverrides"))
                    .forEach((k, v) -> overrides.put(k, String.valueOf(v)));
        }
        StackPlan plan = new StackPlan(Template.read(template), template.getParent(), overrides, q -> q);
        LocalIssuer issuer = LocalIssuer.open(dataDir, plan.jwtConfig());
        System.out.println(issuer.mint(account, type, options.containsKey("reviewer"), Duration.ofHours(12)));
    }

    private static void invoke(Path template, Path dataDir, Map<String, String> options) throws Exception {
        String logicalId = required(options, "function");
        Path event = Path.of(required(options, "event")).toAbsolutePath();
        Path stackFile = dataDir.resolve("stack.json");
        if (!Files.exists(stackFile)) {
            throw new IllegalStateException("No running stack uses " + dataDir + ": start it with ./sms-local start");
        }
        Map<String, Object> stack = Json.parseObject(Files.readString(stackFile));
        String sqs = String.valueOf(stack.get("sqs"));
        int port = ((Number) stack.get("port")).intValue();
        Map<String, String> overrides = new LinkedHashMap<>();
        Template.map(stack.get("parameterOverrides")).forEach((k, v) -> overrides.put(k, String.valueOf(v)));
        StackPlan plan = new StackPlan(Template.read(template), template.getParent(),
                LocalStack.parameters(overrides, port), q -> sqs + "/" + SqsEmulator.ACCOUNT + "/" + q);
        LocalFunction function = plan.function(logicalId);
        FunctionPool.Endpoints endpoints = new FunctionPool.Endpoints(
                String.valueOf(stack.getOrDefault("functionDynamoDb", stack.get("dynamoDb"))),
                String.valueOf(stack.get("s3")), String.valueOf(stack.getOrDefault("functionSqs", sqs)),
                String.valueOf(stack.getOrDefault("carrierSecret", "")), Boolean.TRUE.equals(stack.get("iam")));
        try (FunctionProcess process = new FunctionProcess(function, FunctionPool.environment(function, endpoints),
                dataDir.resolve("logs").resolve(logicalId + ".invoke.log"))) {
            FunctionProcess.Result result = process.invoke(Files.readString(event, StandardCharsets.UTF_8));
            System.out.println(result.payload());
            if (result.functionError()) {
                System.exit(1);
            }
        }
    }

    private static final Pattern OVERRIDE = Pattern.compile("\\s*([A-Za-z0-9]+)=(?:\"([^\"]*)\"|(\\S*))\\s*");

    /** SAM's form: {@code 'Name=Value Name2="a value with spaces"'}. */
    static Map<String, String> parameterOverrides(String text) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Matcher m = OVERRIDE.matcher(text);
        int at = 0;
        while (at < text.length() && !text.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("--parameter-overrides takes Name=Value pairs: '" + text.substring(at).trim() + "'");
            }
            overrides.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            at = m.end();
        }
        return overrides;
    }

    private static Duration scheduleEvery(String seconds) {
        if (seconds == null) {
            return null;
        }
        long value = Long.parseLong(seconds);
        if (value < 1) {
            throw new IllegalArgumentException("--schedule-every takes a number of seconds, at least 1");
        }
        return Duration.ofSeconds(value);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                if (name.equals("reviewer")) {
                    options.put(name, "true");
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    options.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
            } else {
                positional.add(args[i]);
            }
        }
        for (String name : options.keySet()) {
            if (!OPTIONS.get(args[0]).contains(name)) {
                throw new IllegalArgumentException(args[0] + " takes no option --" + name);
            }
        }
        if (args[0].equals("invoke") && !positional.isEmpty()) {
            options.put("function", positional.get(0));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void usage() throws IOException {
        try (InputStream text = SmsLocal.class.getResourceAsStream("/sms-local-usage.txt")) {
            System.out.print(new String(text.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
