package smsplatform.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import smsplatform.local.LocalFunction.HttpRoute;
import smsplatform.local.LocalFunction.S3Trigger;
import smsplatform.local.LocalFunction.ScheduleTrigger;
import smsplatform.local.LocalFunction.SqsTrigger;

/**
 * What template.yaml declares, resolved to local names: tables, buckets, queues and functions with
 * their environment, routes and triggers. Nothing outside the template decides what exists.
 */
final class StackPlan {

    static final String STACK_NAME = "sms-local";
    static final String REGION = "us-east-1";
    /** This stack's AWS::StackId: fixed, so names derived from it (the bucket's) survive restarts. */
    static final String STACK_ID = "arn:aws:cloudformation:" + REGION + ":" + SqsEmulator.ACCOUNT + ":stack/"
            + STACK_NAME + "/00000000-0000-4000-8000-000000000000";
    /**
     * sms-local's own values for the parameters whose template defaults are for AWS (Carrier=sns) or that
     * have none (the JWT issuer and audience): the carrier simulator, and the local issuer's iss and aud.
     * Parameter overrides still win.
     */
    static final Map<String, String> LOCAL_PARAMETERS = Map.of(
            "Carrier", "simulator",
            "JwtIssuer", "https://issuer.sms-local.invalid/",
            "JwtAudience", "sms-local");

    final Template template;
    final Map<String, String> parameters;
    final List<String> tables;
    final Map<String, String> bucketNames = new LinkedHashMap<>();
    final Map<String, String> queueNames = new LinkedHashMap<>();
    final List<LocalFunction> functions = new ArrayList<>();
    /** Log group name → the function its subscription filter delivers to (AWS::Logs::SubscriptionFilter). */
    final Map<String, String> logSubscriptions = new LinkedHashMap<>();
    /** Topic logical id → its ARN (AWS::SNS::Topic). */
    final Map<String, String> topicArns = new LinkedHashMap<>();
    /** Topic ARN → the queues its sqs subscriptions deliver to (AWS::SNS::Subscription). */
    final Map<String, List<QueueSubscription>> topicSubscriptions = new LinkedHashMap<>();
    private final Template.Resolver resolver;
    private final Function<String, String> queueUrl;

    StackPlan(Template template, Path codeBase, Map<String, String> parameterOverrides,
              Function<String, String> queueUrl) {
        this.template = template;
        this.queueUrl = queueUrl;
        this.parameters = new LinkedHashMap<>(template.parameterDefaults());
        parameterOverrides.keySet().stream().filter(name -> !parameters.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("template.yaml has no parameter " + name);
        });
        LOCAL_PARAMETERS.forEach((name, value) -> {
            if (parameters.containsKey(name)) {
                parameters.put(name, value);
            }
        });
        this.parameters.putAll(parameterOverrides);
        validateParameters();
        this.tables = template.resourcesOfType("AWS::DynamoDB::Table");
        this.resolver = new Template.Resolver(this::ref, this::getAtt, this::condition);
        for (String id : template.resourcesOfType("AWS::SQS::Queue")) {
            Object name = template.properties(id).get("QueueName");
            queueNames.put(id, name == null ? id : resolver.resolve(name));
        }
        for (String id : template.resourcesOfType("AWS::SNS::Topic")) {
            Object name = template.properties(id).get("TopicName");
            topicArns.put(id, "arn:aws:sns:" + REGION + ":" + SqsEmulator.ACCOUNT + ":"
                    + (name == null ? STACK_NAME + "-" + id : resolver.resolve(name)));
        }
        for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
            Object name = template.properties(id).get("BucketName");
            bucketNames.put(id, name == null ? id.toLowerCase() : resolver.resolve(name));
        }
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            if (exists(id)) {
                functions.add(function(id, codeBase));
            }
        }
        for (String id : template.resourcesOfType("AWS::Logs::SubscriptionFilter")) {
            Map<String, Object> p = template.properties(id);
            String destination = resolver.resolve(p.get("DestinationArn"));
            if (!destination.startsWith(FUNCTION_ARN)) {
                throw new IllegalArgumentException(id + ": only a function of this template can be a subscription's destination locally");
            }
            logSubscriptions.put(resolver.resolve(p.get("LogGroupName")), destination.substring(FUNCTION_ARN.length()));
        }
        for (String id : template.resourcesOfType("AWS::SNS::Subscription")) {
            Map<String, Object> p = template.properties(id);
            // Only queues are delivered to locally: email and the other protocols reach nothing on this machine.
            if (exists(id) && "sqs".equals(p.get("Protocol"))) {
                if (p.containsKey("FilterPolicy")) {
                    throw new IllegalArgumentException(id + ": a subscription's FilterPolicy is not supported by sms-local");
                }
                String queueArn = resolver.resolve(p.get("Endpoint"));
                topicSubscriptions.computeIfAbsent(resolver.resolve(p.get("TopicArn")), t -> new ArrayList<>())
                        .add(new QueueSubscription(queueArn.substring(queueArn.lastIndexOf(':') + 1),
                                "true".equals(String.valueOf(p.get("RawMessageDelivery")))));
            }
        }
    }

    /** A queue subscribed to a topic; {@code raw}: RawMessageDelivery, the message alone rather than SNS's envelope. */
    record QueueSubscription(String queueName, boolean raw) {}

    private static final String FUNCTION_ARN = "arn:aws:lambda:" + REGION + ":" + SqsEmulator.ACCOUNT + ":function:";
    /** As CloudFormation decides: a resource with a Condition exists only where the condition holds. */
    boolean exists(String logicalId) {
        Object condition = Template.map(template.resources().get(logicalId)).get("Condition");
        return condition == null || condition(String.valueOf(condition));
    }

    /** As CloudFormation does: every parameter has a value, within its AllowedValues and AllowedPattern. */
    private void validateParameters() {
        Template.map(template.raw().get("Parameters")).forEach((name, p) -> {
            Map<String, Object> declaration = Template.map(p);
            String value = parameters.get(name);
            List<Object> allowed = Template.list(declaration.get("AllowedValues"));
            if (!allowed.isEmpty() && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
                throw new IllegalArgumentException("Parameter " + name + " must be one of " + allowed + ", not '" + value + "'");
            }
            Object pattern = declaration.get("AllowedPattern");
            if (pattern != null && !Pattern.compile(String.valueOf(pattern)).matcher(value).matches()) {
                throw new IllegalArgumentException("Parameter " + name + " must match " + pattern + ", not '" + value + "'");
            }
        });
    }

    String tableName(String logicalId) {
        Object name = template.properties(logicalId).get("TableName");
        return name == null ? logicalId : resolver.resolve(name);
    }

    String resolve(Object value) {
        return resolver.resolve(value);
    }

    /** Whether the template's condition {@code name} (Fn::Equals, Fn::Not, Fn::And, Fn::Or) holds for this stack. */
    boolean condition(String name) {
        Object definition = Template.map(template.raw().get("Conditions")).get(name);
        if (definition == null) {
            throw new IllegalArgumentException("Condition " + name + " is not declared in template.yaml");
        }
        return holds(definition);
    }

    private boolean holds(Object expression) {
        Map<String, Object> m = Template.map(expression);
        if (m.containsKey("Condition")) {
            return condition(String.valueOf(m.get("Condition")));
        }
        if (m.containsKey("Fn::Equals")) {
            List<Object> pair = Template.list(m.get("Fn::Equals"));
            return resolve(pair.get(0)).equals(resolve(pair.get(1)));
        }
        if (m.containsKey("Fn::Not")) {
            return !holds(Template.list(m.get("Fn::Not")).get(0));
        }
        if (m.containsKey("Fn::And")) {
            return Template.list(m.get("Fn::And")).stream().allMatch(this::holds);
        }
        if (m.containsKey("Fn::Or")) {
            return Template.list(m.get("Fn::Or")).stream().anyMatch(this::holds);
        }
        throw new IllegalArgumentException("Unsupported condition " + expression);
    }

    /**
     * {@code value} with Fn::If chosen by its condition, recursively; {@code null} where the template
     * says AWS::NoValue (the property or list element is absent).
     */
    Object choose(Object value) {
        Map<String, Object> m = Template.map(value);
        if (m.containsKey("Fn::If")) {
            List<Object> args = Template.list(m.get("Fn::If"));
            return choose(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
        }
        if ("AWS::NoValue".equals(m.get("Ref"))) {
            return null;
        }
        return value;
    }

    /** A list's values as strings, the list's and each element's Fn::If chosen (an AWS::NoValue element dropped). */
    List<String> strings(Object values) {
        return Template.list(choose(values)).stream().map(this::choose).filter(Objects::nonNull).map(this::resolve).toList();
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::StackName": return STACK_NAME;
            case "AWS::StackId": return STACK_ID;
            case "AWS::Region": return REGION;
            case "AWS::AccountId": return SqsEmulator.ACCOUNT;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            default: break;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (tables.contains(name)) {
            return tableName(name);
        }
        if (bucketNames.containsKey(name)) {
            return bucketNames.get(name);
        }
        if (queueNames.containsKey(name)) {
            return queueUrl.apply(queueNames.get(name));
        }
        if (topicArns.containsKey(name)) {
            return topicArns.get(name);
        }
        Object logGroupName = template.properties(name).get("LogGroupName");
        if (logGroupName != null && "AWS::Logs::LogGroup".equals(Template.map(template.resources().get(name)).get("Type"))) {
            return resolver.resolve(logGroupName);
        }
        if (template.resources().containsKey(name)) {
            return name;
        }
        throw new IllegalArgumentException("!Ref " + name + " names nothing in template.yaml");
    }

    private String getAtt(String name) {
        String id = name.substring(0, name.indexOf('.'));
        String attribute = name.substring(name.indexOf('.') + 1);
        if (queueNames.containsKey(id)) {
            String queue = queueNames.get(id);
            return switch (attribute) {
                case "Arn" -> SqsEmulator.queueArn(queue);
                case "QueueName" -> queue;
                case "QueueUrl" -> queueUrl.apply(queue);
                default -> throw new IllegalArgumentException("!GetAtt " + name + " is not supported locally");
            };
        }
        if (tables.contains(id) && attribute.equals("Arn")) {
            return "arn:aws:dynamodb:" + REGION + ":" + SqsEmulator.ACCOUNT + ":table/" + tableName(id);
        }
        if (bucketNames.containsKey(id) && attribute.equals("Arn")) {
            return "arn:aws:s3:::" + bucketNames.get(id);
        }
        if (attribute.equals("Arn") && template.resourcesOfType("AWS::Serverless::Function").contains(id)) {
            return FUNCTION_ARN + id;
        }
        if (attribute.equals("Arn") && "AWS::IAM::Role".equals(Template.map(template.resources().get(id)).get("Type"))) {
            return "arn:aws:iam::" + SqsEmulator.ACCOUNT + ":role/" + STACK_NAME + "-" + id;
        }
        throw new IllegalArgumentException("!GetAtt " + name + " is not supported locally");
    }

    private LocalFunction function(String id, Path codeBase) {
        Map<String, Object> globals = template.globalsFunction();
        Map<String, Object> props = template.properties(id);
        Map<String, String> env = new LinkedHashMap<>();
        Template.map(Template.map(globals.get("Environment")).get("Variables"))
                .forEach((k, v) -> env.put(k, resolver.resolve(v)));
        Template.map(Template.map(props.get("Environment")).get("Variables"))
                .forEach((k, v) -> env.put(k, resolver.resolve(v)));
        int timeout = number(props.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3)));
        int memory = number(props.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128)));

        List<HttpRoute> routes = new ArrayList<>();
        List<S3Trigger> s3 = new ArrayList<>();
        List<SqsTrigger> sqs = new ArrayList<>();
        List<ScheduleTrigger> schedules = new ArrayList<>();
        Template.map(props.get("Events")).forEach((name, e) -> {
            Map<String, Object> event = Template.map(e);
            Map<String, Object> p = Template.map(event.get("Properties"));
            switch (String.valueOf(event.get("Type"))) {
                case "HttpApi" -> routes.add(new HttpRoute(String.valueOf(p.get("Method")).toUpperCase(),
                        String.valueOf(p.get("Path")), Template.list(Template.map(p.get("Auth")).get("AuthorizationScopes"))
                                .stream().map(resolver::resolve).toList()));
                case "S3" -> {
                    Object events = p.get("Events");
                    List<String> patterns = events instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(events));
                    String prefix = "";
                    String suffix = "";
                    for (Object rule : Template.list(Template.map(Template.map(p.get("Filter")).get("S3Key")).get("Rules"))) {
                        Map<String, Object> r = Template.map(rule);
                        if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) prefix = resolver.resolve(r.get("Value"));
                        if ("suffix".equalsIgnoreCase(String.valueOf(r.get("Name")))) suffix = resolver.resolve(r.get("Value"));
                    }
                    s3.add(new S3Trigger(resolver.resolve(p.get("Bucket")), patterns, prefix, suffix));
                }
                case "SQS" -> {
                    String arn = resolver.resolve(p.get("Queue"));
                    sqs.add(new SqsTrigger(arn.substring(arn.lastIndexOf(':') + 1),
                            number(p.getOrDefault("BatchSize", 10)),
                            Template.list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")));
                }
                case "Schedule" -> {
                    boolean enabled = !Boolean.FALSE.equals(p.get("Enabled"))
                            && !"DISABLED".equals(resolver.resolve(p.get("State")));
                    if (enabled) {
                        Object rule = p.get("Name");
                        schedules.add(new ScheduleTrigger(rule == null ? STACK_NAME + "-" + id + name : resolver.resolve(rule),
                                ScheduleTrigger.rate(resolver.resolve(p.get("Schedule"))), resolver.resolve(p.get("Input"))));
                    }
                }
                default -> throw new IllegalArgumentException(id + ": event type " + event.get("Type")
                        + " is not supported by sms-local");
            }
        });
        Map<String, Object> invokeConfig = Template.map(props.get("EventInvokeConfig"));
        int retries = number(invokeConfig.getOrDefault("MaximumRetryAttempts", 2));
        Object destination = Template.map(Template.map(invokeConfig.get("DestinationConfig")).get("OnFailure"))
                .get("Destination");
        String onFailure = null;
        if (destination != null) {
            String arn = resolver.resolve(destination);
            onFailure = arn.substring(arn.lastIndexOf(':') + 1);
        }
        return new LocalFunction(id, codeBase.resolve(String.valueOf(props.get("CodeUri"))),
                String.valueOf(props.get("Handler")), timeout, memory, env, routes, s3, sqs, schedules, retries,
                onFailure);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
    }

    LocalFunction function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId + " in template.yaml"));
    }

    /** The HttpApi's JWT authorizer configuration: issuer and audiences. */
    JwtConfig jwtConfig() {
        for (String api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
            Map<String, Object> auth = Template.map(template.properties(api).get("Auth"));
            Object name = auth.get("DefaultAuthorizer");
            Map<String, Object> authorizer = Template.map(Template.map(auth.get("Authorizers")).get(String.valueOf(name)));
            Map<String, Object> jwt = Template.map(authorizer.get("JwtConfiguration"));
            if (!jwt.isEmpty()) {
                List<String> audiences = Template.list(jwt.get("audience")).stream().map(resolver::resolve).toList();
                return new JwtConfig(resolver.resolve(jwt.get("issuer")), audiences);
            }
        }
        return null;
    }

    record JwtConfig(String issuer, List<String> audiences) {}
}
