package smsplatform.local.iam;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS SAM policy templates template.yaml uses, as the SAM translator expands them
 * (samtranslator/policy_templates_data/policy_templates.json; checked against that file by
 * PolicyTemplatesTest). Resource ARNs name the template's parameter as {@code ${Parameter}} and
 * the pseudo parameters as {@code ${AWS::…}}.
 */
public final class PolicyTemplates {

    /** One Allow statement of a template. */
    public record TemplateStatement(List<String> actions, List<String> resources) {}

    /** A template: its one parameter and the statements it grants. */
    public record PolicyTemplate(String parameter, List<TemplateStatement> statements) {}

    private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}";
    private static final String BUCKET = "arn:${AWS::Partition}:s3:::${BucketName}";
    private static final String QUEUE = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}";

    public static final Map<String, PolicyTemplate> TEMPLATES = Map.of(
            "DynamoDBCrudPolicy", new PolicyTemplate("TableName", List.of(new TemplateStatement(
                    List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
                            "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
                            "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"),
                    List.of(TABLE, TABLE + "/index/*")))),
            "S3ReadPolicy", new PolicyTemplate("BucketName", List.of(new TemplateStatement(
                    List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
                            "s3:GetLifecycleConfiguration"),
                    List.of(BUCKET, BUCKET + "/*")))),
            "SQSSendMessagePolicy", new PolicyTemplate("QueueName", List.of(new TemplateStatement(
                    List.of("sqs:SendMessage*"), List.of(QUEUE)))),
            "SQSPollerPolicy", new PolicyTemplate("QueueName", List.of(new TemplateStatement(
                    List.of("sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
                            "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"),
                    List.of(QUEUE)))));

    private PolicyTemplates() {}

    /**
     * The statements {@code name} grants with its parameter set to {@code value}; {@code pseudo} gives
     * {@code AWS::Partition}, {@code AWS::Region} and {@code AWS::AccountId}.
     */
    public static List<Statement> expand(String name, String value, Function<String, String> pseudo) {
        PolicyTemplate template = TEMPLATES.get(name);
        if (template == null) {
            throw new IllegalArgumentException("Policy template " + name + " is not known to sms-local: add it to "
                    + PolicyTemplates.class.getSimpleName());
        }
        return template.statements().stream().map(s -> Statement.allow(s.actions(), s.resources().stream()
                .map(r -> substitute(r, p -> p.equals(template.parameter()) ? value : pseudo.apply(p))).toList())).toList();
    }

    static String substitute(String text, Function<String, String> values) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
