package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.domain.Failure;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateRules;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;

/**
 * The console checks a template as the user types (console/template-rules.mjs, run here by Node): for every
 * application it gives the API's verdict, with the API's code, field and message (smsplatform.domain.TemplateRules).
 */
class ConsoleTemplateRulesTest {

    /** Pieces of content: variables good and bad, foreign placeholders, brackets, URLs, controls, full-width forms. */
    private static final List<String> PIECES = List.of("Your code is ", "{1}", "{2}", "{3}", "{11}", "{0}", "{01}", "{12345}",
            "{", "}", "{name}", "${x}", "{{x}}", "%s", "%1$d", "#name#", "【", "】", "[", "]", "［", "｛２｝", "http://", "https://a.b/",
            "www.", "acme.com", "x.cn/", "/p?q=", ".", "-", " ", "\n", "\t", "\u0001", "\u0085", "验证码", "，拒收请回复R", "😀",
            "ｈｔｔｐ：／／", "a", "9", "%", "#", "$", "x".repeat(120), "长".repeat(100));
    private static final List<String> NAMES = List.of("Login code", "", "   ", "n".repeat(30), "n".repeat(31), "名【称】",
            "tab\there", "验证码模板", " Ａｃｍｅ ");
    private static final List<String> REMARKS = List.of("Sign-in codes for our app", "", " ", "r".repeat(500), "r".repeat(501));

    static Map<String, Object> java(Map<String, Object> a) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        List<VariableKind> kinds = ApiClient.list(a.get("variables")).stream()
                .map(v -> VariableKind.valueOf((String) ApiClient.map(v).get("kind"))).toList();
        try {
            TemplateRules.validate(new TemplateApplication((String) a.get("name"), TemplateType.NOTIFICATION,
                    (Boolean) a.get("international"), (String) a.get("content"), kinds, (String) a.get("remark")));
        } catch (Failure failure) {
            verdict.put("code", failure.code());
            verdict.put("field", failure.field());
            verdict.put("message", failure.getMessage());
        }
        return verdict;
    }

    private static Map<String, Object> application(Random random) {
        StringBuilder content = new StringBuilder();
        for (int n = random.nextInt(9); n > 0; n--) {
            content.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        List<Map<String, String>> variables = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            variables.add(Map.of("kind", VariableKind.values()[random.nextInt(VariableKind.values().length)].name()));
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", random.nextInt(4) == 0 ? NAMES.get(random.nextInt(NAMES.size())) : "Login code");
        a.put("international", random.nextBoolean());
        a.put("content", content.toString());
        a.put("variables", variables);
        a.put("remark", random.nextInt(4) == 0 ? REMARKS.get(random.nextInt(REMARKS.size())) : "Sign-in codes for our app");
        return a;
    }

    @Test
    void theConsolesTemplateCheckGivesTheApisCodeFieldAndMessageForEveryApplication(@TempDir Path dir) throws Exception {
        Random random = new Random(10);
        List<Map<String, Object>> applications = new ArrayList<>();
        for (int length = 465; length <= 475; length++) { // about the worst case's bound, at home and abroad
            for (boolean international : List.of(false, true)) {
                Map<String, Object> a = application(random);
                a.put("content", "x".repeat(length) + " {1}");
                a.put("variables", List.of(Map.of("kind", "CODE")));
                a.put("international", international);
                applications.add(a);
            }
        }
        for (int i = 0; i < 4000; i++) {
            applications.add(application(random));
        }
        List<?> console = ConsoleModules.run(dir, List.of("rules.mjs", "template-rules.mjs"), applications,
                "import { templateProblem } from './template-rules.mjs';\n"
                + "console.log(JSON.stringify(inputs.map(a => { const p = templateProblem(a);"
                + " return p ? { code: p.code, field: p.field, message: p.message } : {}; })));\n");
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < applications.size(); i++) {
            Map<String, Object> verdict = java(applications.get(i));
            assertThat(console.get(i)).as("application %s", applications.get(i)).isEqualTo(verdict);
            seen.add(verdict.getOrDefault("code", "accepted") + (String.valueOf(verdict.get("message")).startsWith("With every") ? " worst" : ""));
        }
        assertThat(seen).as("verdicts the drawn applications reached").contains("accepted", TemplateRules.NAME_FORMAT_CODE,
                TemplateRules.CONTENT_LENGTH_CODE, TemplateRules.CONTENT_LENGTH_CODE + " worst", TemplateRules.BRACKETS_CODE, TemplateRules.VARIABLE_FORMAT_CODE,
                TemplateRules.VARIABLES_MISMATCH_CODE, TemplateRules.URL_VARIABLE_CODE,
                TemplateRules.CONTENT_CHARACTERS_CODE, TemplateRules.REMARK_LENGTH_CODE);
    }
}
