package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What `sam deploy` with the template's defaults yields, and what sms-local puts in their place. */
class DeployDefaultsTest {

    static Template template() throws Exception {
        return Template.read(TemplateTest.TEMPLATE);
    }

    static Map<String, Object> parameter(String name) throws Exception {
        return Template.map(Template.map(template().raw().get("Parameters")).get(name));
    }

    @Test
    void theCarrierDefaultsToSnsAndSmsLocalRunsTheSimulatorUnlessOverridden() throws Exception {
        assertThat(parameter("Carrier").get("Default")).isEqualTo("sns");
        StackPlan local = new StackPlan(template(), RunningStack.PROJECT, Map.of(), q -> q);
        assertThat(local.parameters.get("Carrier")).isEqualTo("simulator");
        assertThat(local.function("DeliveryFunction").environment().get("CARRIER")).isEqualTo("simulator");
        assertThat(LocalStack.parameters(Map.of(), 4566).get("CarrierSimulatorUrl"))
                .isEqualTo("http://127.0.0.1:4566/local/carrier/messages");
        StackPlan sns = new StackPlan(template(), RunningStack.PROJECT, Map.of("Carrier", "sns"), q -> q);
        assertThat(sns.function("DeliveryFunction").environment().get("CARRIER")).isEqualTo("sns");
    }

    @Test
    void theJwtIssuerAndAudienceHaveNoDefaultAndAreValidatedByTheirPatterns() throws Exception {
        for (String name : List.of("JwtIssuer", "JwtAudience")) {
            assertThat(parameter(name)).as(name).doesNotContainKey("Default").containsKey("AllowedPattern");
        }
        Pattern issuer = Pattern.compile(String.valueOf(parameter("JwtIssuer").get("AllowedPattern")));
        assertThat(issuer.matcher("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123").matches()).isTrue();
        assertThat(issuer.matcher("https://auth.example.com/").matches()).isTrue();
        for (String bad : List.of("", "http://auth.example.com/", "https://auth.example.com/?x=1", "https://a b/")) {
            assertThat(issuer.matcher(bad).matches()).as(bad).isFalse();
        }
        Pattern audience = Pattern.compile(String.valueOf(parameter("JwtAudience").get("AllowedPattern")));
        assertThat(audience.matcher("1example23456789abcdefghij").matches()).as("a Cognito app client id").isTrue();
        assertThat(audience.matcher("").matches()).isFalse();
        assertThat(audience.matcher("two words").matches()).isFalse();
    }

    @Test
    void smsLocalSuppliesItsOwnIssuerAndAudienceAndRefusesValuesOutsideThePatternsAsCloudFormationDoes() throws Exception {
        StackPlan plan = new StackPlan(template(), RunningStack.PROJECT, Map.of(), q -> q);
        assertThat(plan.jwtConfig()).isEqualTo(new StackPlan.JwtConfig(StackPlan.LOCAL_PARAMETERS.get("JwtIssuer"),
                List.of(StackPlan.LOCAL_PARAMETERS.get("JwtAudience"))));
        assertThatThrownBy(() -> new StackPlan(template(), RunningStack.PROJECT, Map.of("JwtIssuer", "http://x/"), q -> q))
                .hasMessageContaining("JwtIssuer must match");
        assertThatThrownBy(() -> new StackPlan(template(), RunningStack.PROJECT, Map.of("Carrier", "carrier-pigeon"), q -> q))
                .hasMessageContaining("Carrier must be one of");
    }

    @Test
    void theTableAndTheBucketAreRetainedOnDeleteAndOnReplacement() throws Exception {
        for (String id : List.of("SmsTable", "CertificatesBucket")) {
            Map<String, Object> resource = Template.map(template().resources().get(id));
            assertThat(resource.get("DeletionPolicy")).as(id).isEqualTo("Retain");
            assertThat(resource.get("UpdateReplacePolicy")).as(id).isEqualTo("Retain");
        }
    }

    /** S3's rules for a general purpose bucket name. */
    static boolean validBucketName(String name) {
        return name.length() >= 3 && name.length() <= 63 && name.matches("[a-z0-9][a-z0-9.-]*[a-z0-9]")
                && !name.contains("..") && !name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && !name.startsWith("xn--")
                && !name.endsWith("-s3alias");
    }

    @Test
    void theBucketNameIsValidForAnyAllowedStackNameAndTheCertificateCheckNamesTheSameBucket() throws Exception {
        Template template = template();
        Object bucketName = template.properties("CertificatesBucket").get("BucketName");
        Object checkBucket = Template.map(Template.map(template.properties("CertificateCheckFunction").get("Environment"))
                .get("Variables")).get("CERTIFICATES_BUCKET");
        // Stack names: up to 128 characters, letters (either case), digits and hyphens, starting with a letter.
        List<String> stackNames = new ArrayList<>(List.of("A", "MyStack", "SMS-PROD", "x".repeat(128), "Z".repeat(128)));
        for (String stackName : stackNames) {
            String stackId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/" + stackName
                    + "/c0ffee00-98a1-11e3-aff7-50e2416294e0";
            Template.Resolver resolver = new Template.Resolver(ref -> switch (ref) {
                case "AWS::StackId" -> stackId;
                case "AWS::StackName" -> stackName;
                case "AWS::AccountId" -> "123456789012";
                default -> throw new IllegalArgumentException(ref);
            }, att -> { throw new IllegalArgumentException(att); }, condition -> { throw new IllegalArgumentException(condition); });
            String name = resolver.resolve(bucketName);
            assertThat(validBucketName(name)).as(stackName + " -> " + name).isTrue();
            assertThat(resolver.resolve(checkBucket)).isEqualTo(name);
        }
        StackPlan local = new StackPlan(template, RunningStack.PROJECT, Map.of(), q -> q);
        assertThat(local.bucketNames.get("CertificatesBucket")).isEqualTo("sms-certificates-00000000-0000-4000-8000-000000000000");
    }

    @Test
    void everyRouteRequiresItsScopeAtTheGatewayReviewsTheReviewerScope() throws Exception {
        StackPlan plan = new StackPlan(template(), RunningStack.PROJECT, Map.of(), q -> q);
        int routes = 0;
        for (LocalFunction f : plan.functions) {
            for (LocalFunction.HttpRoute route : f.routes()) {
                routes++;
                List<String> expected = route.path().startsWith("/v1/reviews") ? List.of("sms/reviewer") : List.of("sms/send");
                assertThat(route.scopes()).as(route.routeKey()).isEqualTo(expected);
            }
        }
        assertThat(routes).as("signatures 6, templates 5, callbacks 5, reviews 2, sms 4, replies 1, opt-outs 3").isEqualTo(26);
    }

    @Test
    void theGatewayScopeCheckNeedsOneOfTheRoutesScopesInTheSpaceSeparatedScopeClaim() {
        assertThat(HttpGateway.hasScope(Map.of("scope", "sms/send sms/reviewer"), List.of("sms/reviewer"))).isTrue();
        assertThat(HttpGateway.hasScope(Map.of("scope", "sms/send"), List.of("sms/reviewer"))).isFalse();
        assertThat(HttpGateway.hasScope(Map.of("scope", "sms/reviewers"), List.of("sms/reviewer"))).isFalse();
        assertThat(HttpGateway.hasScope(Map.of(), List.of("sms/send"))).isFalse();
        assertThat(HttpGateway.hasScope(Map.of(), List.of())).as("a route without scopes").isTrue();
    }
}
