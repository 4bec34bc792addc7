package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smsplatform.domain.Failure;
import smsplatform.domain.SignatureNameRules;
import smsplatform.json.Json;

/**
 * The console checks signature names as the user types (console/rules.mjs, run here by Node): for every name it
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
        Path rules = dir.resolve("rules.mjs");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("console/rules.mjs")) {
            Files.copy(in, rules);
        }
        Files.writeString(dir.resolve("names.json"), Json.write(names));
        Files.writeString(dir.resolve("check.mjs"), "import { nameProblem } from './rules.mjs';\n"
                + "import { readFileSync } from 'node:fs';\n"
                + "const names = JSON.parse(readFileSync(new URL('./names.json', import.meta.url), 'utf8'));\n"
                + "console.log(JSON.stringify(names.map(n => { const p = nameProblem(n); return p ? { code: p.code, message: p.message } : {}; })));\n");
        Process node = new ProcessBuilder("node", dir.resolve("check.mjs").toString()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        List<?> console = (List<?>) Json.parse(out.trim());
        for (int i = 0; i < names.size(); i++) {
            assertThat(console.get(i)).as("name '%s'", names.get(i)).isEqualTo(java(names.get(i)));
        }
    }
}
