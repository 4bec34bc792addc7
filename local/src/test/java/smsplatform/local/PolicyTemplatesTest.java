package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import smsplatform.json.Json;
import smsplatform.local.iam.PolicyTemplates.TemplateStatement;
import smsplatform.local.iam.PolicyTemplates;

/** The project's table of SAM policy templates says what the SAM translator itself expands them to. */
class PolicyTemplatesTest {

    static final Path SAM_TEMPLATES = RunningStack.PROJECT.getParent().resolve("shared/aws/sam-policy-templates.json");

    @Test
    void everyPolicyTemplateTheTemplateUsesIsInTheTable() throws Exception {
        Set<String> used = new TreeSet<>();
        Template template = Template.read(TemplateTest.TEMPLATE);
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            collect(template.properties(id).get("Policies"), used);
        }
        // Today none: every function has inline least-privilege statements (LeastPrivilegeTest).
        assertThat(PolicyTemplates.TEMPLATES.keySet()).containsAll(used);
    }

    private static void collect(Object policies, Set<String> used) {
        if (policies instanceof List<?> list) {
            list.forEach(p -> collect(p, used));
        } else if (policies instanceof Map<?, ?> map) {
            if (map.containsKey("Fn::If")) {
                List<Object> branches = Template.list(map.get("Fn::If"));
                collect(branches.get(1), used);
                collect(branches.get(2), used);
            } else if (map.size() == 1 && !map.containsKey("Statement") && !map.containsKey("Ref")) {
                used.add(String.valueOf(map.keySet().iterator().next()));
            }
        }
    }

    @Test
    void theTableExpandsEachTemplateExactlyAsTheSamTranslatorDoes() throws Exception {
        if (!Files.exists(SAM_TEMPLATES)) {
            System.out.println("NOTICE: " + SAM_TEMPLATES + " is absent (a user's clone): policy template check skipped");
            Assumptions.abort("SAM policy templates not available beside the project");
        }
        Map<String, Object> sam = Template.map(Json.parseObject(Files.readString(SAM_TEMPLATES)).get("Templates"));
        PolicyTemplates.TEMPLATES.forEach((name, ours) -> {
            Map<String, Object> definition = Template.map(Template.map(sam.get(name)).get("Definition"));
            assertThat(definition).as(name + " is a SAM policy template").isNotEmpty();
            assertThat(Template.map(Template.map(sam.get(name)).get("Parameters")).keySet()).as(name)
                    .containsExactly(ours.parameter());
            assertThat(statements(definition)).as(name).isEqualTo(ours.statements());
        });
    }

    /** SAM's statements with {@code Fn::Sub [text, {var: {Ref: Parameter}}]} written as {@code ${Parameter}}. */
    private static List<TemplateStatement> statements(Map<String, Object> definition) {
        List<TemplateStatement> out = new ArrayList<>();
        for (Object s : Template.list(definition.get("Statement"))) {
            Map<String, Object> statement = Template.map(s);
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            List<String> actions = Template.list(statement.get("Action")).stream().map(String::valueOf).toList();
            Object resource = statement.get("Resource");
            List<Object> resources = resource instanceof List<?> l ? Template.list(l) : List.of(resource);
            out.add(new TemplateStatement(actions, resources.stream().map(PolicyTemplatesTest::arn).toList()));
        }
        return out;
    }

    private static String arn(Object resource) {
        List<Object> sub = Template.list(Template.map(resource).get("Fn::Sub"));
        String text = String.valueOf(sub.get(0));
        for (Map.Entry<String, Object> variable : Template.map(sub.get(1)).entrySet()) {
            String parameter = String.valueOf(Template.map(variable.getValue()).get("Ref"));
            text = text.replace("${" + variable.getKey() + "}", "${" + parameter + "}");
        }
        return text;
    }

    @Test
    void expandingATemplateFillsItsParameterAndThePseudoParameters() {
        var statements = PolicyTemplates.expand("SQSSendMessagePolicy", "review", p -> Map.of("AWS::Partition", "aws",
                "AWS::Region", "us-east-1", "AWS::AccountId", "000000000000").get(p));
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.actions()).containsExactly("sqs:SendMessage*");
            assertThat(s.resources()).containsExactly("arn:aws:sqs:us-east-1:000000000000:review");
        });
    }
}
