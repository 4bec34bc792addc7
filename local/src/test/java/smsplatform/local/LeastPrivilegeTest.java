package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;
import smsplatform.service.SendSmsService;

/**
 * Least privilege, derived from what the functions really call: one journey through every function
 * (apply, upload, check, automatic review, reviewer listing with its evidence link, decision, send to
 * two numbers, delivery, listings and pulls, deletion) on the suite's stack, then the ALLOW decisions sms-local's
 * IAM enforcement recorded in iam.log. Every action template.yaml grants a function on a resource must
 * be among them, unless the function's block in the template says why with a line
 * {@code # why: ACTION RESOURCE: reason} (RESOURCE: {@code table}, {@code index/NAME}, {@code bucket},
 * a key prefix such as {@code evidence/*}, or a queue name). Other test classes on the same stack can
 * only add calls, so the check holds for this journey alone.
 */
@ResourceLock(SharedStack.MESSAGES)
class LeastPrivilegeTest {

    record Grant(String function, String action, String resource) {
        String key() {
            return action + " " + shortForm(resource);
        }
    }

    @Test
    void everyActionGrantedToAFunctionIsOneItCallsOrTheTemplateSaysWhy() throws Exception {
        RunningStack stack = SharedStack.of(LeastPrivilegeTest.class);
        journey(stack);
        Map<String, Set<String>> calls = calls(stack.dataDir.resolve("logs/iam.log"));
        List<Grant> grants = grants();
        Map<String, Set<String>> whys = whys();
        List<String> unused = new ArrayList<>();
        for (Grant g : grants) {
            boolean called = calls.getOrDefault(g.function(), Set.of()).stream().anyMatch(c -> {
                int space = c.indexOf(' ');
                return c.substring(0, space).equals(g.action()) && glob(g.resource(), c.substring(space + 1));
            });
            if (!called && !whys.getOrDefault(g.function(), Set.of()).contains(g.key())) {
                unused.add(g.function() + ": " + g.key() + " (" + g.resource() + ")");
            }
        }
        assertThat(grants).as("inline grants read from template.yaml").hasSizeGreaterThan(20);
        assertThat(unused).as("granted, never called, and no '# why: ACTION RESOURCE:' next to it").isEmpty();
    }

    @Test
    void aGrantNoJourneyUsesIsReportedUnlessTheTemplateSaysWhy() throws Exception {
        Map<String, Set<String>> whys = whys();
        assertThat(whys.get("SignaturesApiFunction")).contains("s3:DeleteObject certificates/*");
        assertThat(whys.getOrDefault("SendSmsFunction", Set.of())).doesNotContain("dynamodb:BatchWriteItem table");
        assertThat(new Grant("X", "dynamodb:Query", "arn:aws:dynamodb:us-east-1:0:table/SmsTable/index/ReviewerQueue").key())
                .isEqualTo("dynamodb:Query index/ReviewerQueue");
        assertThat(new Grant("X", "s3:ListBucket", FunctionPoliciesTest.BUCKET).key()).isEqualTo("s3:ListBucket bucket");
    }

    /** IAM's resource wildcards: {@code *} any run of characters, {@code ?} one. */
    static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    /** The ALLOW decisions of iam.log, per function: "action resource". */
    static Map<String, Set<String>> calls(Path iamLog) throws Exception {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        for (String line : Files.readAllLines(iamLog, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            if (f.length >= 5 && f[1].equals("ALLOW")) {
                calls.computeIfAbsent(f[2], k -> new TreeSet<>()).add(f[3] + " " + f[4]);
            }
        }
        return calls;
    }

    /** Every (function, action, resource) an inline Allow statement of template.yaml grants, for the local stack. */
    static List<Grant> grants() throws Exception {
        StackPlan plan = new StackPlan(Template.read(TemplateTest.TEMPLATE), RunningStack.PROJECT, Map.of(), q -> q);
        List<Grant> grants = new ArrayList<>();
        for (LocalFunction f : plan.functions) {
            Object policies = plan.choose(plan.template.properties(f.logicalId()).get("Policies"));
            for (Object entry : Template.list(policies)) {
                Object chosen = plan.choose(entry);
                Object statements = chosen == null ? null : plan.choose(Template.map(chosen).get("Statement"));
                for (Object s : Template.list(statements)) {
                    Map<String, Object> statement = Template.map(plan.choose(s));
                    if (!"Allow".equals(statement.get("Effect")) || !statement.containsKey("Resource")) {
                        continue; // NotResource statements (SNS to phone numbers) have no resource to call locally
                    }
                    for (String action : strings(plan, statement.get("Action"))) {
                        for (String resource : strings(plan, statement.get("Resource"))) {
                            grants.add(new Grant(f.logicalId(), action, resource));
                        }
                    }
                }
            }
        }
        return grants;
    }

    private static List<String> strings(StackPlan plan, Object value) {
        Object chosen = plan.choose(value);
        List<Object> values = chosen instanceof List<?> l ? new ArrayList<>(l) : List.of(chosen);
        return values.stream().map(plan::choose).filter(v -> v != null).map(plan::resolve).toList();
    }

    /** "# why: ACTION RESOURCE:" lines, per function: each function's block is its resource in template.yaml. */
    static Map<String, Set<String>> whys() throws Exception {
        Map<String, Set<String>> whys = new LinkedHashMap<>();
        Pattern resource = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$");
        Pattern why = Pattern.compile("#\\s*why:\\s*(\\S+)\\s+(\\S+?):");
        String current = null;
        for (String line : Files.readAllLines(TemplateTest.TEMPLATE, StandardCharsets.UTF_8)) {
            Matcher r = resource.matcher(line);
            if (r.matches()) {
                current = r.group(1);
            }
            Matcher w = why.matcher(line);
            if (current != null && w.find()) {
                whys.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(w.group(1) + " " + w.group(2));
            }
        }
        return whys;
    }

    /** {@code table}, {@code index/NAME}, {@code bucket}, the key pattern in a bucket, or a queue's name. */
    static String shortForm(String arn) {
        if (arn.startsWith("arn:aws:dynamodb:")) {
            String rest = arn.substring(arn.indexOf(":table/") + ":table/".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? "table" : rest.substring(slash + 1);
        }
        if (arn.startsWith("arn:aws:s3:::")) {
            String rest = arn.substring("arn:aws:s3:::".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? "bucket" : rest.substring(slash + 1);
        }
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** Every function once, through the product's real path. */
    static void journey(RunningStack stack) throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "least-privilege", "ENTERPRISE", false));
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "least-privilege-ops", "ENTERPRISE", true));
        ApiClient.Response submitted = applicant.post("/v1/signatures", Map.of("name", "Least Privilege Labs",
                "type", "COMPANY", "purpose", "SELF_USE", "entity", Map.of("name", "Least Privilege Labs Ltd.")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = (String) map(submitted.json().get("signature")).get("signatureId");
        assertThat(ApiClient.upload(list(submitted.json().get("uploads")).get(0), "application/pdf",
                SignatureJourneyEndToEndTest.PDF)).isEqualTo(204);
        Map<String, Object> ready = applicant.await("/v1/signatures/" + id,
                s -> "MANUAL".equals(s.get("reviewStage")), "manual review of " + id);

        // The reviewer's queue, and the evidence link it hands out (presigned by the reviewer API's role).
        Map<String, Object> pending = Journeys.pendingReview(reviewer, "signature", id);
        String evidence = (String) map(pending.get("documentUrls")).values().iterator().next();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(evidence)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);

        // With Idempotency-Key, as clients may send it on every write: the idempotency records are written too.
        String decision = Json.write(Map.of("decision", "APPROVE", "version", ready.get("version")));
        assertThat(reviewer.raw("POST", "/v1/reviews/" + id + "/decision", decision, "Content-Type", "application/json",
                "Idempotency-Key", "least-privilege-decision").status()).isEqualTo(202);
        applicant.await("/v1/signatures/" + id, s -> "APPROVED".equals(s.get("status")), "approval of " + id);

        // Several numbers are recorded in batches; a send with an Idempotency-Key, one item at a time.
        String template = Journeys.approveCodeTemplate(applicant, reviewer);
        ApiClient.Response batch = Journeys.send(applicant, List.of("+8613700137001", "+8613700137002"),
                "Least Privilege Labs", template, "171717");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        ApiClient.Response keyed = applicant.raw("POST", "/v1/sms/send", Json.write(Map.of(
                "phoneNumbers", List.of("+8613700137003"), "sign", "Least Privilege Labs",
                "templateId", template, "templateParams", List.of("181818"))), "Content-Type", "application/json",
                "Idempotency-Key", "least-privilege-send");
        assertThat(keyed.status()).as(keyed.body()).isEqualTo(200);
        List<Map<String, Object>> statuses = new ArrayList<>(list(batch.json().get("sendStatuses")));
        statuses.addAll(list(keyed.json().get("sendStatuses")));
        for (Map<String, Object> status : statuses) {
            applicant.await("/v1/sms/" + status.get("serialNo"), m -> "DELIVERED".equals(m.get("status")), "delivery");
        }
        // A handset answers TD (the inbound function attributes it and records the opt-out); a MARKETING send then
        // reads the list and skips that number; the list is kept by hand too.
        ApiClient handset = new ApiClient(stack.baseUrl, null);
        assertThat(handset.raw("POST", "/local/handsets/%2B8613700137001/replies", Json.write(Map.of("text", "TD")),
                "Content-Type", "application/json").status()).isEqualTo(202);
        applicant.await("/v1/opt-outs", page -> !list(page.get("optOuts")).isEmpty(), "the opt-out of the reply");
        assertThat(list(applicant.get("/v1/replies").json().get("replies"))).extracting(r -> r.get("text")).contains("TD");
        String marketing = Journeys.approveTemplate(applicant, reviewer, TemplatesEndToEndTest.template(
                "Least privilege sale", "MARKETING", OptOutsEndToEndTest.MARKETING, "DATETIME"));
        assertThat(OptOutsEndToEndTest.codes(Journeys.send(applicant, List.of("+8613700137001"), "Least Privilege Labs",
                marketing, "2026-12-24 20:00"))).containsEntry("+8613700137001", SendSmsService.OPTED_OUT_CODE);
        assertThat(applicant.delete("/v1/opt-outs/%2B8613700137001").status()).isEqualTo(204);
        assertThat(applicant.put("/v1/opt-outs/%2B8613700137002", Map.of()).status()).isEqualTo(200);
        assertThat(applicant.get("/v1/signatures").status()).isEqualTo(200);
        assertThat(applicant.get("/v1/sms?status=DELIVERED").status()).isEqualTo(200);
        assertThat(applicant.get("/v1/statistics").status()).isEqualTo(200);
        assertThat(applicant.delete("/v1/signatures/" + id).status()).isEqualTo(204);
    }
}
