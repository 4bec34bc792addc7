package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import smsplatform.json.Json;
import smsplatform.local.iam.AwsCall;
import smsplatform.local.iam.Policy.Decision;
import smsplatform.local.iam.Policy;

/** What template.yaml declares to serve the web console on AWS, and the API's CORS for it. */
class ConsoleDeploymentTemplateTest {

    static final String CONSOLE = "https://d111111abcdef8.cloudfront.net";
    static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123";

    static StackPlan plan(Map<String, String> overrides) throws Exception {
        return new StackPlan(Template.read(TemplateTest.TEMPLATE), RunningStack.PROJECT, overrides, q -> q);
    }

    static StackPlan onAws() throws Exception {
        return plan(Map.of("ConsoleOrigin", CONSOLE, "JwtIssuer", ISSUER, "JwtAudience", "1example23456789abcdefghij"));
    }

    static String output(StackPlan plan, String name) {
        return plan.resolve(Template.map(Template.map(plan.template.raw().get("Outputs")).get(name)).get("Value"));
    }

    @Test
    void theConsoleBucketIsPrivateAndOnlyTheConsoleDistributionMayReadItsObjects() throws Exception {
        StackPlan plan = onAws();
        Map<String, Object> bucket = plan.template.properties("ConsoleBucket");
        assertThat(Template.map(bucket.get("PublicAccessBlockConfiguration")))
                .containsOnly(Map.entry("BlockPublicAcls", true), Map.entry("BlockPublicPolicy", true),
                        Map.entry("IgnorePublicAcls", true), Map.entry("RestrictPublicBuckets", true));
        assertThat(bucket.toString()).contains("ObjectOwnership=BucketOwnerEnforced");
        assertThat(bucket).doesNotContainKeys("WebsiteConfiguration", "CorsConfiguration", "AccessControl");

        Map<String, Object> document = Template.map(plan.template.properties("ConsoleBucketPolicy").get("PolicyDocument"));
        assertThat(plan.resolve(plan.template.properties("ConsoleBucketPolicy").get("Bucket"))).isEqualTo(plan.bucketNames.get("ConsoleBucket"));
        for (Object statement : Template.list(document.get("Statement"))) {
            assertThat(Template.map(statement).get("Principal")).as("no principal but CloudFront")
                    .isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
        }
        Policy cloudFront = FunctionPolicies.resourcePolicy(plan, document, "cloudfront.amazonaws.com");
        String object = "arn:aws:s3:::" + plan.bucketNames.get("ConsoleBucket") + "/index.html";
        String distribution = "arn:aws:cloudfront::" + SqsEmulator.ACCOUNT + ":distribution/ConsoleDistribution";
        assertThat(cloudFront.decide(get(object, distribution))).isEqualTo(Decision.ALLOW);
        assertThat(cloudFront.decide(get(object, "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE")))
                .as("another distribution").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(cloudFront.decide(new AwsCall("s3:GetObject", object, Map.of()))).as("no distribution").isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(cloudFront.decide(new AwsCall("s3:PutObject", object, Map.of("AWS:SourceArn", distribution))))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(cloudFront.decide(new AwsCall("s3:ListBucket", "arn:aws:s3:::" + plan.bucketNames.get("ConsoleBucket"),
                Map.of("AWS:SourceArn", distribution)))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(cloudFront.decide(get("arn:aws:s3:::" + plan.bucketNames.get("CertificatesBucket") + "/evidence/x", distribution)))
                .as("the certificates bucket").isEqualTo(Decision.IMPLICIT_DENY);
    }

    static AwsCall get(String object, String sourceArn) {
        return new AwsCall("s3:GetObject", object, Map.of("AWS:SourceArn", sourceArn));
    }

    @Test
    void theDistributionServesTheBucketThroughOriginAccessControlAndRedirectsHttpToHttps() throws Exception {
        StackPlan plan = onAws();
        Map<String, Object> config = Template.map(plan.template.properties("ConsoleDistribution").get("DistributionConfig"));
        assertThat(config).containsEntry("DefaultRootObject", "index.html").containsEntry("Enabled", true)
                .doesNotContainKey("CacheBehaviors");
        List<Object> origins = Template.list(config.get("Origins"));
        assertThat(origins).hasSize(1);
        Map<String, Object> origin = Template.map(origins.get(0));
        assertThat(origin.get("DomainName")).isEqualTo(Map.of("Fn::GetAtt", List.of("ConsoleBucket", "RegionalDomainName")));
        assertThat(origin.get("OriginAccessControlId")).isEqualTo(Map.of("Fn::GetAtt", List.of("ConsoleOriginAccessControl", "Id")));
        assertThat(Template.map(origin.get("S3OriginConfig"))).containsEntry("OriginAccessIdentity", "");
        assertThat(Template.map(plan.template.properties("ConsoleOriginAccessControl").get("OriginAccessControlConfig")))
                .containsEntry("OriginAccessControlOriginType", "s3").containsEntry("SigningBehavior", "always");
        Map<String, Object> behavior = Template.map(config.get("DefaultCacheBehavior"));
        assertThat(behavior).containsEntry("ViewerProtocolPolicy", "redirect-to-https")
                .containsEntry("AllowedMethods", List.of("GET", "HEAD"))
                .containsEntry("ResponseHeadersPolicyId", Map.of("Ref", "ConsoleHeadersPolicy"));
    }

    static String csp(StackPlan plan) {
        Map<String, Object> headers = Template.map(plan.template.properties("ConsoleHeadersPolicy").get("ResponseHeadersPolicyConfig"));
        Map<String, Object> csp = Template.map(Template.map(headers.get("SecurityHeadersConfig")).get("ContentSecurityPolicy"));
        assertThat(csp).containsEntry("Override", true);
        return plan.resolve(csp.get("ContentSecurityPolicy"));
    }

    @Test
    void theDistributionSendsTheGatewaysContentSecurityPolicyNamingTheHostsTheConsoleReachesOnAws() throws Exception {
        String bucket = "https://sms-certificates-00000000-0000-4000-8000-000000000000.s3.us-east-1.amazonaws.com";
        String api = "https://SmsHttpApi.execute-api.us-east-1.amazonaws.com";
        String issuer = "https://cognito-idp.eu-west-1.amazonaws.com";
        assertThat(csp(onAws())).isEqualTo(ConsoleHosting.contentSecurityPolicy(List.of(bucket), List.of(api, bucket, issuer)));
        String tokens = "https://example.auth.eu-west-1.amazoncognito.com";
        StackPlan cognito = plan(Map.of("JwtIssuer", ISSUER, "TokenEndpointOrigin", tokens));
        assertThat(csp(cognito)).isEqualTo(ConsoleHosting.contentSecurityPolicy(List.of(bucket), List.of(api, bucket, issuer, tokens)));
        for (String bad : List.of("http://example.auth.eu-west-1.amazoncognito.com", "https://example.com/oauth2/token", "https://a b")) {
            assertThatThrownBy(() -> plan(Map.of("TokenEndpointOrigin", bad))).as(bad).hasMessageContaining("TokenEndpointOrigin must match");
        }
        assertThat(HttpGateway.LOCAL_CSP).isEqualTo(ConsoleHosting.contentSecurityPolicy(List.of("http://127.0.0.1:*"), List.of("http://127.0.0.1:*")));
        assertThat(output(onAws(), "ApiUrl")).isEqualTo(api);
    }

    @Test
    void theApiAdmitsTheConsolesOriginOnlyWithTheMethodsAndHeadersTheConsoleSendsAndNoOriginWithoutIt() throws Exception {
        StackPlan plan = onAws();
        ApiCors cors = ApiCors.of(plan);
        assertThat(cors.allowOrigin(CONSOLE)).hasValue(CONSOLE);
        assertThat(cors.allowOrigin("https://evil.example")).isEmpty();
        Object bucketOrigins = Template.map(Template.list(Template.map(plan.choose(plan.template.properties("CertificatesBucket")
                .get("CorsConfiguration"))).get("CorsRules")).get(0)).get("AllowedOrigins");
        assertThat(Template.list(bucketOrigins).stream().map(plan::resolve)).as("the bucket's origin too").containsExactly(CONSOLE);

        Map<String, Object> declared = Template.map(plan.template.properties("SmsHttpApi").get("CorsConfiguration"));
        assertThat(declared).doesNotContainKeys("AllowCredentials", "ExposeHeaders");
        assertThat(Template.list(declared.get("AllowMethods"))).containsExactlyInAnyOrderElementsOf(consoleMethods());
        assertThat(Template.list(declared.get("AllowHeaders"))).containsExactlyInAnyOrder("authorization", "content-type");
        assertThat(cors.preflight(CONSOLE, "PUT", "authorization,content-type")).containsEntry("Access-Control-Allow-Origin", CONSOLE);
        assertThat(cors.preflight(CONSOLE, "PATCH", "authorization")).isEmpty();
        assertThat(cors.preflight(CONSOLE, "GET", "authorization, x-amz-security-token")).isEmpty();

        ApiCors none = ApiCors.of(plan(Map.of("JwtIssuer", ISSUER)));
        assertThat(none.allowOrigin(CONSOLE)).isEmpty();
        assertThat(none.preflight(CONSOLE, "GET", "authorization")).isEmpty();
    }

    /** The methods of the console's API calls, as its modules write them: call('GET', …). */
    static Set<String> consoleMethods() throws Exception {
        Set<String> methods = new TreeSet<>();
        Pattern call = Pattern.compile("\\bcall\\('([A-Z]+)'");
        try (Stream<Path> files = Files.list(RunningStack.PROJECT.resolve("console/src/main/resources/console"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".mjs")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    methods.add(m.group(1));
                }
            }
        }
        assertThat(methods).as("the console calls the API").isNotEmpty();
        return methods;
    }

    @Test
    void theConsoleConfigOutputIsTheConfigJsonTheGatewayServesWithTheStacksIssuerClientAndApi() throws Exception {
        StackPlan plan = onAws();
        Map<String, Object> config = Json.parseObject(output(plan, "ConsoleConfig"));
        assertThat(config).isEqualTo(ConsoleHosting.config("1example23456789abcdefghij", output(plan, "ApiUrl"),
                ISSUER + "/.well-known/openid-configuration"));
    }

    @Test
    void theReadmesDeployStepsNameOnlyParametersAndOutputsTheTemplateHasAndCopyTheFolderTheConsoleModuleBuilds() throws Exception {
        String readme = Files.readString(RunningStack.PROJECT.resolve("README.md"));
        String deploy = readme.substring(readme.indexOf("## Deploy to AWS"), readme.indexOf("### The token"));
        Template template = Template.read(TemplateTest.TEMPLATE);
        Set<String> parameters = Template.map(template.raw().get("Parameters")).keySet();
        Set<String> given = new TreeSet<>();
        Matcher parameter = Pattern.compile("\\b([A-Z][a-z][A-Za-z]+)=(?!=)").matcher(deploy);
        while (parameter.find()) {
            given.add(parameter.group(1));
        }
        assertThat(given).contains("JwtIssuer", "JwtAudience", "TokenEndpointOrigin", "ConsoleOrigin");
        assertThat(parameters).containsAll(given);
        Set<String> read = new TreeSet<>();
        Matcher output = Pattern.compile("\\bout ([A-Z]\\w+)").matcher(readme);
        while (output.find()) {
            read.add(output.group(1));
        }
        assertThat(read).containsExactlyInAnyOrder("ConsoleUrl", "ConsoleBucketName", "ConsoleConfig", "ConsoleDistributionId");
        assertThat(Template.map(template.raw().get("Outputs")).keySet()).containsAll(read);
        assertThat(deploy).contains("aws s3 sync console/target/classes/console ");
        assertThat(RunningStack.PROJECT.resolve("console/target/classes/console/index.html")).as("built by the console module").exists();
    }
}
