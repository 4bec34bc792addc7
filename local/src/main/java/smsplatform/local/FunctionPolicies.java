package smsplatform.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smsplatform.local.iam.Condition;
import smsplatform.local.iam.ManagedPolicies;
import smsplatform.local.iam.Policy;
import smsplatform.local.iam.PolicyTemplates;
import smsplatform.local.iam.Statement;

/**
 * Each function's effective policy as AWS would hold it after SAM's transform of template.yaml: the
 * function's {@code Policies} (SAM policy templates, inline statements, managed policies; Fn::If and
 * AWS::NoValue chosen with this stack's parameters), plus what SAM adds by itself: the basic execution
 * role, the SQS execution role for an SQS event, and sqs:SendMessage on an OnFailure SQS destination.
 */
final class FunctionPolicies {

    private FunctionPolicies() {}

    static Map<String, Policy> of(StackPlan plan) {
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (LocalFunction f : plan.functions) {
            policies.put(f.logicalId(), of(plan, f.logicalId()));
        }
        return policies;
    }

    static Policy of(StackPlan plan, String logicalId) {
        Map<String, Object> props = plan.template.properties(logicalId);
        List<Statement> statements = new ArrayList<>(ManagedPolicies.of("AWSLambdaBasicExecutionRole"));
        Object policies = plan.choose(props.get("Policies"));
        for (Object entry : policies instanceof List<?> l ? l : policies == null ? List.of() : List.of(policies)) {
            Object chosen = plan.choose(entry);
            if (chosen instanceof String managed) {
                statements.addAll(ManagedPolicies.of(managed));
            } else if (chosen != null) {
                statements.addAll(policy(plan, Template.map(chosen)));
            }
        }
        boolean sqsEvent = Template.map(props.get("Events")).values().stream()
                .anyMatch(e -> "SQS".equals(Template.map(e).get("Type")));
        if (sqsEvent) {
            statements.addAll(ManagedPolicies.of("AWSLambdaSQSQueueExecutionRole"));
        }
        Map<String, Object> onFailure = Template.map(Template.map(Template.map(props.get("EventInvokeConfig"))
                .get("DestinationConfig")).get("OnFailure"));
        if ("SQS".equals(onFailure.get("Type")) && onFailure.get("Destination") != null) {
            statements.add(Statement.allow(List.of("sqs:SendMessage"), List.of(plan.resolve(onFailure.get("Destination")))));
        }
        return new Policy(statements);
    }

    /**
     * The statements of a resource policy (a queue's or a topic's PolicyDocument) that name {@code service} as their
     * principal: what that service may do to the resource.
     */
    static Policy resourcePolicy(StackPlan plan, Map<String, Object> document, String service) {
        List<Statement> statements = new ArrayList<>();
        for (Object s : Template.list(plan.choose(document.get("Statement")))) {
            Map<String, Object> statement = Template.map(plan.choose(s));
            if (strings(plan, Template.map(statement.get("Principal")).get("Service")).contains(service)) {
                statements.add(statement(plan, statement));
            }
        }
        return new Policy(statements);
    }

    private static List<Statement> policy(StackPlan plan, Map<String, Object> entry) {
        if (entry.containsKey("Statement")) {
            Object list = plan.choose(entry.get("Statement"));
            List<Statement> statements = new ArrayList<>();
            for (Object s : list instanceof List<?> l ? l : List.of(list)) {
                Object chosen = plan.choose(s);
                if (chosen != null) {
                    statements.add(statement(plan, Template.map(chosen)));
                }
            }
            return statements;
        }
        if (entry.size() != 1) {
            throw new IllegalArgumentException("Unsupported policy entry " + entry.keySet());
        }
        String name = entry.keySet().iterator().next();
        Map<String, Object> parameters = Template.map(entry.get(name));
        String value = parameters.isEmpty() ? "" : plan.resolve(plan.choose(parameters.values().iterator().next()));
        return PolicyTemplates.expand(name, value, pseudo -> plan.resolve(Map.of("Ref", pseudo)));
    }

    private static Statement statement(StackPlan plan, Map<String, Object> s) {
        boolean notAction = s.containsKey("NotAction");
        boolean notResource = s.containsKey("NotResource");
        List<Condition> conditions = new ArrayList<>();
        Template.map(plan.choose(s.get("Condition"))).forEach((operator, keys) ->
                Template.map(keys).forEach((key, values) -> conditions.add(new Condition(operator, key, strings(plan, values)))));
        return new Statement(!"Deny".equals(s.get("Effect")), strings(plan, s.get(notAction ? "NotAction" : "Action")),
                notAction, strings(plan, s.get(notResource ? "NotResource" : "Resource")), notResource, conditions);
    }

    private static List<String> strings(StackPlan plan, Object value) {
        Object chosen = plan.choose(value);
        List<String> out = new ArrayList<>();
        for (Object v : chosen instanceof List<?> l ? l : chosen == null ? List.of() : List.of(chosen)) {
            Object item = plan.choose(v);
            if (item != null) {
                out.add(plan.resolve(item));
            }
        }
        return out;
    }
}
