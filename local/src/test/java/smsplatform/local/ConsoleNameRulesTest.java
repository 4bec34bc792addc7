package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.domain.Failure;
import smsplatform.domain.SignatureNameRules;

/**
 * The console checks signature names as the user types (console/rules.mjs, run here by Node through {@link ConsoleModules}): for every name it
 * gives the API's verdict, with the API's code and message (smsplatform.domain.SignatureNameRules).
 */
class ConsoleNameRulesTest {

    /** Letters, digits, spaces, ideographs, full-width and compatibility forms, Kangxi radicals, punctuation. */
    private static final String ALPHABET = "aAbBzZ09 测试验证码通知腾讯云人民银行服務系統ＡＢ１　⼈⼀豈【】[]()、，。!?-_.·é\u00A0\t";
    private static final List<String> CHOSEN = List.of("Acme Cloud", "测试", "aabb", "xyxy", "123", "腾讯云【】", " Ａｃｍｅ ",
            "a", "Acme  Cloud", "一二三四五六七八九十一二三", "一二三四五六七八九十一二", "test sms", "系统通知", "Customer Service",
            "⼈民银行", "", "   ", "A1", "12a", "Acme Cloud 2", "客服", "aaaa", "ab", "民", "Ab Cd Ef Gh Ij Kl Mn O");

    static Map<String, String> java(String name) {
        Map<String, String> verdict = new LinkedHashMap<>();
        try {
            SignatureNameRules.validate(name);
        } catch (Failure failure) {
            verdict.put("code", failure.code());
            verdict.put("message", failure.getMessage());
        }
        return verdict;
    }

    @Test
    void theConsolesNameCheckGivesTheApisCodeAndMessageForEveryName(@TempDir Path dir) throws Exception {
        List<String> names = new ArrayList<>(CHOSEN);
        Random random = new Random(17);
        for (int i = 0; i < 3000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(15); n > 0; n--) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            names.add(name.toString());
        }
        List<?> console = ConsoleModules.run(dir, List.of("rules.mjs"), names, "import { nameProblem } from './rules.mjs';\n"
                + "console.log(JSON.stringify(inputs.map(n => { const p = nameProblem(n); return p ? { code: p.code, message: p.message } : {}; })));\n");
        for (int i = 0; i < names.size(); i++) {
            assertThat(console.get(i)).as("name '%s'", names.get(i)).isEqualTo(java(names.get(i)));
        }
    }
}
