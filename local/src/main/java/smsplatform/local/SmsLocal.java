package smsplatform.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
import smsplatform.domain.AccountId;
import smsplatform.json.Json;

/**
 * {@code ./sms-local start | token | invoke} (DESIGN §6). The launcher script builds what is
 * missing and runs this class from the project directory.
 */
public final class SmsLocal {

    private SmsLocal() {}

    /** The options each command takes ({@code project} is the launcher's own). */
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "start", Set.of("port", "data-dir", "template", "iam", "prewarm", "parameter-overrides", "schedule-every",
                    "pause-at", "project"),
            "token", Set.of("account", "type", "reviewer", "data-dir", "template", "project"),
            "invoke", Set.of("event", "data-dir", "template", "project"));

    public static void main(String[] args) throws Exception {
        int exitCode = execute(args, System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * The command, writing to {@code out} and {@code err} and returning its exit code: {@link #main} gives it the
     * process's streams; tests give it their own, to run a command without a JVM of its own.
     */
    static int execute(String[] args, PrintStream out, PrintStream err) throws Exception {
        try {
            return run(args, out, err);
        } catch (SmsLocalRefusal refused) {
            err.println("sms-local: " + refused.getMessage());
            return refused.exitCode;
        } catch (IllegalArgumentException wrong) {
            // The template refused a value given on the command line (--parameter-overrides): one line too.
            err.println("sms-local: " + wrong.getMessage() + " (--help for usage)");
            return 2;
        }
    }

    private static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("help") || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            usage(out);
            return 0;
        }
        if (!OPTIONS.containsKey(args[0])) {
            throw SmsLocalRefusal.commandLine("unknown command '" + args[0] + "': use start, token or invoke");
        }
        Map<String, String> options = options(args);
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        // A given --data-dir is relative to where the user runs the command; the default lives in the project.
        Path dataDir = options.containsKey("data-dir") ? Path.of(options.get("data-dir")).toAbsolutePath().normalize()
                : project.resolve(".sms-local");
        Path template = options.containsKey("template") ? Path.of(options.get("template")).toAbsolutePath().normalize()
                : project.resolve("template.yaml");
        return switch (args[0]) {
            case "start" -> start(project, template, dataDir, options, out, err);
            case "token" -> token(template, dataDir, options, out, err);
            default -> invoke(template, dataDir, options, out, err);
        };
    }

    /**
     * {@code --iam off} turns IAM enforcement off, for debugging only; {@code --prewarm off} starts each function's JVM
     * on its first invocation instead of all of them in the background after READY.
     */
    private static boolean onOff(String option, Map<String, String> given) {
        String value = given.getOrDefault(option, "on");
        if (!value.equals("on") && !value.equals("off")) {
            throw SmsLocalRefusal.commandLine("--" + option + " must be on or off");
        }
        return value.equals("on");
    }

    private static int start(Path project, Path template, Path dataDir, Map<String, String> given, PrintStream out,
                             PrintStream err) throws Exception {
        int port = port(given.getOrDefault("port", "3000"));
        LocalStack.Options options = new LocalStack.Options(parameterOverrides(given.getOrDefault("parameter-overrides", "")),
                scheduleEvery(given.get("schedule-every")), given.get("pause-at"), onOff("iam", given), onOff("prewarm", given));
        // The phases go to stderr, so that stdout holds what a script waits for: READY and the URL.
        LocalStack stack = LocalStack.start(project, template, dataDir, port, options,
                phase -> err.println("sms-local: " + phase));
        if (!options.enforceIam()) {
            err.println("sms-local: IAM enforcement is OFF (--iam off): functions may do what AWS would refuse");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "sms-local-stop"));
        // One write of the whole line: nothing printed meanwhile can split it.
        out.print("READY http://127.0.0.1:" + stack.port() + System.lineSeparator());
        out.flush();
        stopped.await();
        return 0;
    }

    private static int token(Path template, Path dataDir, Map<String, String> options, PrintStream out,
                             PrintStream err) throws Exception {
        String account = required(options, "account");
        if (!AccountId.isValid(account)) { // a token the API would refuse
            throw SmsLocalRefusal.commandLine("--account must be 1 to 64 letters, digits, '_' or '-'");
        }
        String type = required(options, "type");
        if (!List.of("ENTERPRISE", "PUBLIC_INSTITUTION", "INDIVIDUAL").contains(type)) {
            throw SmsLocalRefusal.commandLine("--type must be ENTERPRISE, PUBLIC_INSTITUTION or INDIVIDUAL");
        }
        if (!LocalIssuer.exists(dataDir)) {
            // A key made here would sign tokens no stack accepts: the stack makes its key when it first starts.
            throw new SmsLocalRefusal("no stack has run with data dir " + dataDir + ": start it first with ./sms-local start", 2);
        }
        Path stackFile = dataDir.resolve(StackFile.NAME);
        if (Files.exists(stackFile) && !StackFile.isRunning(dataDir)) {
            err.println("sms-local: " + StackFile.stopped(dataDir, Json.parseObject(Files.readString(stackFile)))
                    + ": this token is for its next start with the same --parameter-overrides");
        }
        out.println(mintToken(template, dataDir, account, type, options.containsKey("reviewer")));
        return 0;
    }

    /**
     * A token of the data dir's issuer, with the issuer and audience the stack was started with
     * (--parameter-overrides), else the local ones. The stack must have run once with that data dir.
     */
    static String mintToken(Path template, Path dataDir, String account, String type, boolean reviewer)
            throws IOException {
        return issuer(template, dataDir).mint(account, type, reviewer, Duration.ofHours(12));
    }

    /** The data dir's issuer, as {@link #mintToken} uses it (to mint many tokens with one key read). */
    static LocalIssuer issuer(Path template, Path dataDir) throws IOException {
        Map<String, String> overrides = new LinkedHashMap<>();
        Path stackFile = dataDir.resolve(StackFile.NAME);
        if (Files.exists(stackFile)) {
            Map<String, Object> stack = Json.parseObject(Files.readString(stackFile));
            Template.map(stack.get("parameterOverrides")).forEach((k, v) -> overrides.put(k, String.valueOf(v)));
        }
        StackPlan plan = new StackPlan(Template.read(template), template.getParent(), overrides, q -> q);
        return LocalIssuer.open(dataDir, plan.jwtConfig());
    }

    /**
     * Like {@code sam local invoke}: the function's log lines on stderr, its response on stdout; exit code 1 when
     * it failed or reported failed batch items (SQS would deliver them again), or when no stack runs.
     */
    private static int invoke(Path template, Path dataDir, Map<String, String> options, PrintStream out,
                              PrintStream err) throws Exception {
        // The functions the local stack runs (with Carrier=simulator, SmsLoggingSettingsFunction is not one).
        List<String> ids = new StackPlan(Template.read(template), template.getParent(), Map.of(), q -> q).functions.stream()
                .map(LocalFunction::logicalId).toList();
        String logicalId = options.get("function");
        if (logicalId == null || !ids.contains(logicalId)) {
            throw SmsLocalRefusal.commandLine((logicalId == null ? "invoke needs a LOGICAL_ID"
                    : "no function '" + logicalId + "' in " + template.getFileName()) + ": one of " + String.join(", ", ids));
        }
        Path event = Path.of(required(options, "event")).toAbsolutePath();
        if (!Files.isRegularFile(event)) {
            throw SmsLocalRefusal.commandLine("--event " + event + ": no such file (the samples are in events/)");
        }
        Map<String, Object> stack = StackFile.running(dataDir);
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
        Path log = dataDir.resolve("logs").resolve(logicalId + ".invoke.log");
        FunctionProcess.Result result;
        try (FunctionProcess process = new FunctionProcess(function, FunctionPool.environment(function, endpoints),
                log, List.of(), err)) {
            result = process.invoke(Files.readString(event, StandardCharsets.UTF_8));
        }
        out.println(result.payload());
        if (result.functionError()) {
            err.println("sms-local: " + logicalId + " failed (its log: " + log + ")");
            return 1;
        }
        int failedItems = batchItemFailures(result.payload());
        if (failedItems > 0) {
            err.println("sms-local: " + logicalId + " reported " + failedItems
                    + " failed batch item(s): SQS would deliver them again (its log: " + log + ")");
            return 1;
        }
        return 0;
    }

    /** The size of an SQS consumer's {@code batchItemFailures} (ReportBatchItemFailures); 0 for any other response. */
    static int batchItemFailures(String payload) {
        try {
            return Json.parse(payload) instanceof Map<?, ?> response
                    && response.get("batchItemFailures") instanceof List<?> failures ? failures.size() : 0;
        } catch (IOException | RuntimeException notJson) {
            return 0;
        }
    }

    private static int port(String value) {
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) > 65535) {
            throw SmsLocalRefusal.commandLine("--port takes a port number from 0 to 65535 (0: any free one), not '"
                    + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static final Pattern OVERRIDE = Pattern.compile("\\s*([A-Za-z0-9]+)=(?:\"([^\"]*)\"|(\\S*))\\s*");

    /** SAM's form: {@code 'Name=Value Name2="a value with spaces"'}. */
    static Map<String, String> parameterOverrides(String text) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Matcher m = OVERRIDE.matcher(text);
        int at = 0;
        while (at < text.length() && !text.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                throw SmsLocalRefusal.commandLine("--parameter-overrides takes Name=Value pairs: '" + text.substring(at).trim() + "'");
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
        if (!seconds.matches("[0-9]{1,9}") || Long.parseLong(seconds) < 1) {
            throw SmsLocalRefusal.commandLine("--schedule-every takes a number of seconds, at least 1");
        }
        return Duration.ofSeconds(Long.parseLong(seconds));
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
                    throw SmsLocalRefusal.commandLine("--" + name + " needs a value");
                }
            } else {
                positional.add(args[i]);
            }
        }
        for (String name : options.keySet()) {
            if (!OPTIONS.get(args[0]).contains(name)) {
                throw SmsLocalRefusal.commandLine(args[0] + " takes no option --" + name);
            }
        }
        // invoke takes one argument, the function's logical id; start and token none.
        int arguments = args[0].equals("invoke") ? 1 : 0;
        if (positional.size() > arguments) {
            throw SmsLocalRefusal.commandLine(args[0] + " takes " + (arguments == 0 ? "no argument" : "one argument")
                    + ", not '" + positional.get(arguments) + "'");
        }
        if (!positional.isEmpty()) {
            options.put("function", positional.get(0));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw SmsLocalRefusal.commandLine("--" + name + " is required");
        }
        return value;
    }

    private static void usage(PrintStream out) throws IOException {
        try (InputStream text = SmsLocal.class.getResourceAsStream("/sms-local-usage.txt")) {
            out.print(new String(text.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
