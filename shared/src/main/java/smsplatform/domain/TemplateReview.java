package smsplatform.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import smsplatform.domain.AutomaticReview.Rule;
import smsplatform.domain.Finding.Severity;

/**
 * The automatic review of a template, as a table of rules (DESIGN §10): BLOCKING findings reject
 * at once with their reason, ADVISORY ones go to the reviewer.
 *
 * <p>The words it looks for are tables too: {@link #MARKETING_TERMS}, {@link #GENERIC_WORDS} and the
 * shapes of an opt-out instruction, {@link #OPT_OUT_INSTRUCTIONS}. Every look is at the content
 * trimmed, NFKC-normalised and lower-cased, so full-width and upper-case forms count as the plain ones.
 */
public final class TemplateReview {

    /** The replies that opt a number out (DESIGN §12): an instruction must name one of these exactly. */
    public static final List<String> OPT_OUT_KEYWORDS = List.of("R", "T", "TD", "N", "STOP", "UNSUBSCRIBE", "退订", "拒收");

    /** A word of marketing, with the pattern it is found by (Chinese ones on the text without spaces). */
    record Term(String term, Pattern pattern, boolean ideographic) {}

    /**
     * Marketing words: Chinese ones (Simplified and Traditional) anywhere, English ones as whole words
     * with an optional plural (so "ideal" is no "deal", "wholesale" no "sale"). 限时 counts except as a
     * time limit (限时5分钟, 限时有效), which verification codes use.
     */
    static final List<Term> MARKETING_TERMS = List.of(
            han("优惠", "優惠"), han("促销", "促銷"), han("折扣"), han("特价", "特價"), han("特惠"), han("红包", "紅包"),
            han("抢购", "搶購"), han("秒杀", "秒殺"), han("大促"), han("满减", "滿減"), han("领券", "領券"),
            han("优惠券", "優惠券"), han("会员日", "會員日"), han("包邮", "包郵"), han("清仓", "清倉"), han("返现", "返現"),
            new Term("限时", Pattern.compile("限[时時](?![0-9]|有效|内|內)"), true),
            latin("sale"), latin("discount"), latin("promo"), latin("promotion"), latin("coupon"), latin("voucher"),
            latin("offer"), latin("deal"), latin("clearance"), latin("cashback"), latin("% off"), latin("buy now"),
            latin("limited time"), latin("free gift"), latin("shop now"));

    /**
     * Words that say nothing of a message's purpose: a content made only of these, variables, digits,
     * punctuation and spaces is UNCLEAR_PURPOSE. Matched word by word (a run of Chinese is cut into them).
     */
    static final Set<String> GENERIC_WORDS = Set.of(
            "hello", "hi", "hey", "dear", "notice", "notification", "notifications", "message", "messages", "info",
            "information", "test", "testing", "tests", "customer", "customers", "user", "users", "sir", "madam",
            "you", "your", "this", "is", "a", "the", "here", "for", "sms", "text", "content", "alert", "alerts",
            "reminder", "reminders", "update", "updates", "new",
            "您好", "你好", "尊敬的", "亲爱的", "親愛的", "用户", "用戶", "客户", "客戶", "顾客", "顧客", "会员", "會員",
            "通知", "消息", "提醒", "信息", "訊息", "資訊", "测试", "測試", "短信", "簡訊", "内容", "內容", "系统", "系統",
            "您", "你", "的", "是", "有", "一", "新", "这是", "這是", "一条", "一條", "条", "條", "请", "請", "查收");

    /** A shape of opt-out instruction, in words and as a pattern. */
    record Instruction(String shape, Pattern pattern) {}

    private static final String QUOTE = "[\"'“”‘’「」『』:]";

    /** One keyword of §12 (longest first, so TD is not read as T), not run on into a longer word. */
    private static final String KEYWORD = OPT_OUT_KEYWORDS.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")(?![A-Za-z0-9])"));

    /**
     * What counts as telling the recipient how to opt out: a reply verb directly followed by a keyword
     * of §12 (a reply that is exactly the keyword opts the number out, whatever surrounds the
     * instruction), or an English keyword followed by what it does. 拒收请回复R and 退订回T are the first
     * shape. A keyword alone ("Don't stop now", "R&D") is no instruction; nor is a keyword §12 does not
     * know ("回覆退訂": 退訂 is not a keyword).
     */
    static final List<Instruction> OPT_OUT_INSTRUCTIONS = List.of(
            new Instruction("a Chinese reply verb then a keyword (回复R退订, 拒收请回复R, 退订回T, 回TD退订)",
                    Pattern.compile("(?:回复|回覆|回復|回|发送|發送)\\s*" + QUOTE + "?\\s*" + KEYWORD, Pattern.CASE_INSENSITIVE)),
            new Instruction("an English reply verb then a keyword (Reply STOP to opt out, text STOP, reply with \"T\")",
                    Pattern.compile("(?<![A-Za-z])(?:reply(?:\\s+with)?|text|txt|send)(?:\\s+|\\s*" + QUOTE + "\\s*)" + KEYWORD,
                            Pattern.CASE_INSENSITIVE)),
            new Instruction("an upper-case English keyword then what it does (STOP to opt out, UNSUBSCRIBE to cancel)",
                    Pattern.compile("(?<![A-Za-z])(?:STOP|UNSUBSCRIBE)\\s+(?i:to\\s+(?:opt[\\s-]?out|unsubscribe|cancel|end|quit))")));

    private static final List<Rule<TemplateApplication>> RULES = List.of(
            new Rule<>("PROHIBITED_CONTENT", Severity.BLOCKING, ReasonCode.PROHIBITED_CONTENT,
                    a -> found("The content contains the prohibited term '%s'",
                            AutomaticReview.prohibitedTerm(a.content().replaceAll("\\s+", "")))),
            new Rule<>("UNCLEAR_PURPOSE", Severity.BLOCKING, ReasonCode.UNCLEAR_PURPOSE,
                    a -> isOnlyGenericWords(a.content())
                            ? "The content is made only of generic words and variables; it does not say what it is about" : null),
            new Rule<>("CODE_VARIABLE", Severity.BLOCKING, ReasonCode.VARIABLE_MISUSE,
                    a -> a.type() == TemplateType.VERIFICATION_CODE ? codeVariableProblem(a.variables()) : null),
            new Rule<>("MARKETING_IN_VERIFICATION_CODE", Severity.BLOCKING, ReasonCode.MARKETING_IN_NOTIFICATION,
                    a -> a.type() != TemplateType.VERIFICATION_CODE ? null
                            : found("A verification code template contains the marketing term '%s'", marketingTerm(a.content()))),
            new Rule<>("MISSING_OPT_OUT", Severity.BLOCKING, ReasonCode.MISSING_OPT_OUT,
                    a -> a.type() != TemplateType.MARKETING || optOutInstruction(a.content()) != null ? null
                            : "A marketing template must tell the recipient how to opt out with a keyword of "
                            + String.join(", ", OPT_OUT_KEYWORDS) + " (e.g. 拒收请回复R, Reply STOP to opt out)"),
            new Rule<>("MARKETING_IN_NOTIFICATION", Severity.ADVISORY, ReasonCode.MARKETING_IN_NOTIFICATION,
                    a -> a.type() != TemplateType.NOTIFICATION ? null
                            : found("A notification contains the marketing term '%s'", marketingTerm(a.content()))));

    private TemplateReview() {}

    public static AutomaticReview.Outcome evaluate(TemplateApplication application) {
        return AutomaticReview.evaluate(RULES, application);
    }

    /**
     * The number n of the {@code {n}} that carries a verification code: the only CODE variable or,
     * without any, the first DIGITS one. Empty when there are several CODE variables or neither kind.
     */
    public static OptionalInt codeVariable(List<VariableKind> variables) {
        List<Integer> codes = numbersOf(variables, VariableKind.CODE);
        if (codes.size() > 1) {
            return OptionalInt.empty();
        }
        List<Integer> candidates = codes.isEmpty() ? numbersOf(variables, VariableKind.DIGITS) : codes;
        return candidates.isEmpty() ? OptionalInt.empty() : OptionalInt.of(candidates.get(0));
    }

    private static List<Integer> numbersOf(List<VariableKind> variables, VariableKind kind) {
        return IntStream.range(0, variables.size()).filter(i -> variables.get(i) == kind).mapToObj(i -> i + 1).toList();
    }

    private static String codeVariableProblem(List<VariableKind> variables) {
        if (codeVariable(variables).isPresent()) {
            return null;
        }
        List<Integer> codes = numbersOf(variables, VariableKind.CODE);
        return codes.isEmpty()
                ? "A verification code template needs a CODE variable (or a DIGITS one) for the code; it has neither"
                : "A verification code template has one CODE variable for the code; "
                + codes.stream().map(n -> "{" + n + "}").collect(Collectors.joining(", ")) + " are all CODE";
    }

    private static String found(String format, String what) {
        return what == null ? null : String.format(format, what);
    }

    private static String text(String content) {
        return SignatureNameRules.normalize(content).toLowerCase(Locale.ROOT);
    }

    /** The first marketing term in the content, as written there, or null. */
    static String marketingTerm(String content) {
        String text = text(content);
        String compact = text.replaceAll("\\s+", "");
        return firstFound(MARKETING_TERMS, term -> term.pattern().matcher(term.ideographic() ? compact : text));
    }

    /** The opt-out instruction the content gives, as written there, or null. */
    static String optOutInstruction(String content) {
        String text = SignatureNameRules.normalize(content);
        return firstFound(OPT_OUT_INSTRUCTIONS, instruction -> instruction.pattern().matcher(text));
    }

    /** What the first row of the table that finds anything finds, or null. */
    private static <T> String firstFound(List<T> table, Function<T, Matcher> matcher) {
        for (T row : table) {
            Matcher found = matcher.apply(row);
            if (found.find()) {
                return found.group();
            }
        }
        return null;
    }

    /** Nothing but generic words, once variables, digits, punctuation and spaces are set aside. */
    static boolean isOnlyGenericWords(String content) {
        String words = TemplateText.VARIABLE.matcher(text(content)).replaceAll(" ");
        return Arrays.stream(words.split("\\P{L}+"))
                .allMatch(word -> SignatureNameRules.isOnlyWordsOf(word, GENERIC_WORDS));
    }

    private static Term han(String... forms) {
        return new Term(forms[0], Pattern.compile(Arrays.stream(forms).map(Pattern::quote).collect(Collectors.joining("|"))), true);
    }

    private static Term latin(String term) {
        List<String> words = new ArrayList<>();
        for (String word : term.split(" ")) {
            words.add(Pattern.quote(word));
        }
        return new Term(term, Pattern.compile("(?<![a-z])" + String.join("\\s*", words) + "(?:s|es)?(?![a-z])"), false);
    }
}
