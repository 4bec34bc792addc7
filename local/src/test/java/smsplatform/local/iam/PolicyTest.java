package smsplatform.local.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smsplatform.local.iam.Policy.Decision;

/** IAM's evaluation of one identity-based policy, as the local runtime applies it to every call. */
class PolicyTest {

    static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/SmsTable";
    static final String BUCKET = "arn:aws:s3:::certificates";

    static Statement deny(List<String> actions, List<String> resources) {
        return new Statement(false, actions, false, resources, false, List.of());
    }

    @Test
    void aCallNoStatementMentionsIsImplicitlyDenied() {
        Policy policy = new Policy(List.of(Statement.allow(List.of("dynamodb:GetItem"), List.of(TABLE))));
        assertThat(policy.decide(new AwsCall("dynamodb:PutItem", TABLE))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("dynamodb:GetItem", TABLE + "Other"))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(new Policy(List.of()).decide(new AwsCall("s3:GetObject", BUCKET + "/k"))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void anAllowedActionOnAListedResourceIsAllowed() {
        Policy policy = new Policy(List.of(Statement.allow(List.of("dynamodb:GetItem", "dynamodb:PutItem"), List.of(TABLE))));
        assertThat(policy.decide(new AwsCall("dynamodb:PutItem", TABLE))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void anExplicitDenyWinsOverAnyAllow() {
        Policy policy = new Policy(List.of(
                Statement.allow(List.of("s3:*"), List.of(BUCKET + "/*")),
                deny(List.of("s3:DeleteObject"), List.of(BUCKET + "/evidence/*"))));
        assertThat(policy.decide(new AwsCall("s3:DeleteObject", BUCKET + "/evidence/a"))).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("s3:DeleteObject", BUCKET + "/certificates/a"))).isEqualTo(Decision.ALLOW);
        assertThat(Policy.refusal("arn:aws:sts::000000000000:assumed-role/FRole/F",
                new AwsCall("s3:DeleteObject", BUCKET + "/evidence/a"), Decision.EXPLICIT_DENY))
                .endsWith("s3:DeleteObject on resource: arn:aws:s3:::certificates/evidence/a with an explicit deny in an identity-based policy");
    }

    @Test
    void wildcardsMatchActionsWithoutCaseAndResourcesAcrossSlashesAndColons() {
        Policy policy = new Policy(List.of(
                Statement.allow(List.of("sqs:SendMessage*"), List.of("arn:aws:sqs:us-east-1:000000000000:review-?")),
                Statement.allow(List.of("dynamodb:Query"), List.of(TABLE + "/index/*")),
                Statement.allow(List.of("s3:GetObject"), List.of("arn:aws:s3:::*"))));
        assertThat(policy.decide(new AwsCall("sqs:sendmessagebatch", "arn:aws:sqs:us-east-1:000000000000:review-1")))
                .isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(new AwsCall("sqs:SendMessage", "arn:aws:sqs:us-east-1:000000000000:review-10")))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("dynamodb:Query", TABLE + "/index/BySignatureId"))).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(new AwsCall("dynamodb:Query", TABLE))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("s3:GetObject", BUCKET + "/a/b/c.pdf"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void resourcePatternsAreCaseSensitive() {
        Policy policy = new Policy(List.of(Statement.allow(List.of("s3:GetObject"), List.of(BUCKET + "/certificates/*"))));
        assertThat(policy.decide(new AwsCall("s3:GetObject", BUCKET + "/Certificates/a"))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void notResourceAllowsEveryResourceExceptTheListedOnes() {
        Policy policy = new Policy(List.of(new Statement(true, List.of("sns:Publish"), false,
                List.of("arn:aws:sns:*:*:*"), true, List.of())));
        assertThat(policy.decide(new AwsCall("sns:Publish", "*"))).as("a phone number").isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(new AwsCall("sns:Publish", "arn:aws:sns:us-east-1:000000000000:alerts")))
                .as("a topic").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("sns:CreateTopic", "*"))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void notActionAppliesToEveryActionExceptTheListedOnes() {
        Policy policy = new Policy(List.of(
                Statement.allow(List.of("s3:*"), List.of("*")),
                new Statement(false, List.of("s3:GetObject"), true, List.of(BUCKET + "/*"), false, List.of())));
        assertThat(policy.decide(new AwsCall("s3:GetObject", BUCKET + "/k"))).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(new AwsCall("s3:PutObject", BUCKET + "/k"))).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void aStringLikeConditionOnTheListPrefixLimitsWhatMayBeListed() {
        Policy policy = new Policy(List.of(new Statement(true, List.of("s3:ListBucket"), false, List.of(BUCKET), false,
                List.of(new Condition("StringLike", "s3:prefix", List.of("certificates/*", "evidence/*"))))));
        assertThat(policy.decide(new AwsCall("s3:ListBucket", BUCKET, Map.of("s3:prefix", "evidence/acc/sig"))))
                .isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(new AwsCall("s3:ListBucket", BUCKET, Map.of("s3:prefix", "other/"))))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(policy.decide(new AwsCall("s3:ListBucket", BUCKET))).as("no prefix: the key is absent")
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void aNegatedConditionHoldsWhenItsKeyIsAbsentAndIfExistsAcceptsAnAbsentKey() {
        Condition notEquals = new Condition("StringNotEquals", "s3:prefix", List.of("secret/"));
        assertThat(notEquals.holds(Map.of())).isTrue();
        assertThat(notEquals.holds(Map.of("s3:prefix", "secret/"))).isFalse();
        assertThat(new Condition("StringEqualsIfExists", "s3:prefix", List.of("a/")).holds(Map.of())).isTrue();
        assertThat(new Condition("StringEquals", "s3:prefix", List.of("a/")).holds(Map.of())).isFalse();
        assertThat(new Condition("Null", "s3:prefix", List.of("true")).holds(Map.of())).isTrue();
        assertThat(new Condition("Bool", "aws:SecureTransport", List.of("true")).holds(Map.of("aws:SecureTransport", "true"))).isTrue();
    }

    @Test
    void aConditionOperatorTheRuntimeCannotEvaluateIsRefusedWhenThePolicyIsRead() {
        assertThatThrownBy(() -> new Condition("NumericLessThan", "s3:max-keys", List.of("10")))
                .hasMessageContaining("NumericLessThan");
        assertThatThrownBy(() -> new Condition("ForAllValues:StringEquals", "dynamodb:LeadingKeys", List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
