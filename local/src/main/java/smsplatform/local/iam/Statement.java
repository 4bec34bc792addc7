package smsplatform.local.iam;

import java.util.List;

/**
 * One IAM policy statement: Allow or Deny, an Action or NotAction list, a Resource or NotResource
 * list, and conditions that must all hold.
 */
public record Statement(boolean allow, List<String> actions, boolean notAction, List<String> resources,
                        boolean notResource, List<Condition> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    public static Statement allow(List<String> actions, List<String> resources) {
        return new Statement(true, actions, false, resources, false, List.of());
    }

    boolean appliesTo(AwsCall call) {
        boolean actionListed = actions.stream().anyMatch(a -> Wildcard.matches(a, call.action(), true));
        boolean resourceListed = resources.stream().anyMatch(r -> Wildcard.matches(r, call.resource(), false));
        return actionListed != notAction && resourceListed != notResource
                && conditions.stream().allMatch(c -> c.holds(call.context()));
    }
}
