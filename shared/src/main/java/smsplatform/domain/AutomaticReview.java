package smsplatform.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The automatic review's rules, as a table: each rule looks at a signature and may produce a
 * finding. BLOCKING findings carry the rejection reason they stand for.
 */
public final class AutomaticReview {

    public record Outcome(List<Finding> findings, List<ReasonCode> blockingReasons) {}

    /** One rule of a review table: the message of what it finds in the subject, or null. */
    record Rule<T>(String code, Finding.Severity severity, ReasonCode reason, Function<T, String> check) {}

    private static final Pattern STORE_LINK = Pattern.compile("https?://[^\\s/]+\\.[^\\s/]+/\\S*");
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final Pattern HAS_DIGITS = Pattern.compile(".*\\d{4,}.*");
    private static final Pattern DIGITS = Pattern.compile("\\d{4,12}");

    static final List<String> PROHIBITED_TERMS = List.of(
            "gambling", "casino", "betting", "lottery", "drugs", "narcotic", "porn", "escort",
            "赌博", "博彩", "赌场", "六合彩", "毒品", "色情", "裸聊", "代开发票",
            "賭博", "賭場", "代開發票");

    private static final List<Rule<Signature>> RULES = List.of(
            new Rule<>("PROHIBITED_CONTENT", Finding.Severity.BLOCKING, ReasonCode.PROHIBITED_CONTENT,
                    s -> prohibitedTerm(s.name()) == null ? null
                            : "The name contains the prohibited term '" + prohibitedTerm(s.name()) + "'"),
            new Rule<>("NON_IDENTIFIABLE_NAME", Finding.Severity.BLOCKING, ReasonCode.NON_IDENTIFIABLE_NAME,
                    s -> SignatureNameRules.isIdentifiable(s.name()) ? null
                            : "The name identifies no organisation or person"),
            new Rule<>("MISSING_AUTHORIZATION", Finding.Severity.BLOCKING, ReasonCode.MISSING_AUTHORIZATION,
                    s -> s.application().purpose() != SignaturePurpose.FOR_OTHERS || s.application().international()
                            || hasValid(s, DocumentKind.AUTHORIZATION_LETTER) ? null
                            : "Applying for others needs a valid authorisation letter"),
            new Rule<>("APP_NOT_RELEASED", Finding.Severity.ADVISORY, ReasonCode.UNRELEASED_PRODUCT,
                    s -> s.application().type() != SignatureType.APP
                            || STORE_LINK.matcher(s.application().entity().getOrDefault("appStoreUrl", "")).matches() ? null
                            : "The app's store link does not lead to a released app's page"),
            new Rule<>("ENTITY_INCONSISTENT", Finding.Severity.ADVISORY, ReasonCode.DOCUMENT_MISMATCH,
                    AutomaticReview::entityInconsistency),
            new Rule<>("NAME_MISMATCH_ENTITY", Finding.Severity.ADVISORY, ReasonCode.NAME_MISMATCH_ENTITY,
                    s -> isAbbreviationOf(s.name(), s.application().entity().getOrDefault("name", "")) ? null
                            : "'" + s.name() + "' is neither the entity's name '"
                            + s.application().entity().getOrDefault("name", "") + "' nor an abbreviation of it"));

    private AutomaticReview() {}

    /** Entity details that do not fit the signature type (a website without a domain, a trademark number in words…). */
    private static String entityInconsistency(Signature s) {
        Map<String, String> e = s.application().entity();
        return switch (s.application().type()) {
            case WEBSITE -> !DOMAIN.matcher(e.getOrDefault("domain", "")).matches()
                    ? "'" + e.get("domain") + "' is not a domain name"
                    : !HAS_DIGITS.matcher(e.getOrDefault("icpNumber", "")).matches()
                    ? "'" + e.get("icpNumber") + "' is not an ICP filing number" : null;
            case TRADEMARK -> DIGITS.matcher(e.getOrDefault("trademarkNumber", "")).matches() ? null
                    : "'" + e.get("trademarkNumber") + "' is not a trademark registration number";
            default -> null;
        };
    }

    public static Outcome evaluate(Signature signature) {
        return evaluate(RULES, signature);
    }

    /** Every rule of the table on the subject, in order; each BLOCKING reason once. */
    static <T> Outcome evaluate(List<Rule<T>> rules, T subject) {
        List<Finding> findings = new ArrayList<>();
        List<ReasonCode> blocking = new ArrayList<>();
        for (Rule<T> rule : rules) {
            String message = rule.check().apply(subject);
            if (message != null) {
                findings.add(new Finding(rule.code(), rule.severity(), message));
                if (rule.severity() == Finding.Severity.BLOCKING && !blocking.contains(rule.reason())) {
                    blocking.add(rule.reason());
                }
            }
        }
        return new Outcome(findings, blocking);
    }

    static String prohibitedTerm(String name) {
        String compact = SignatureNameRules.normalize(name).replace(" ", "").toLowerCase(Locale.ROOT);
        return PROHIBITED_TERMS.stream().filter(compact::contains).findFirst().orElse(null);
    }

    private static boolean hasValid(Signature s, DocumentKind kind) {
        SignatureDocument d = s.documents().get(kind);
        return d != null && d.valid();
    }

    /** The name's characters appear in the entity's name in the same order (case and spaces ignored). */
    static boolean isAbbreviationOf(String name, String entityName) {
        String a = name.replace(" ", "").toLowerCase(Locale.ROOT);
        String b = entityName.replace(" ", "").toLowerCase(Locale.ROOT);
        int j = 0;
        for (int i = 0; i < a.length(); i++) {
            j = b.indexOf(a.charAt(i), j);
            if (j < 0) {
                return false;
            }
            j++;
        }
        return !a.isEmpty();
    }
}
