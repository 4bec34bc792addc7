package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import smsplatform.json.Json;

/**
 * Issue #14 over HTTP on the local stack: the template routes (contract, pagination, isolation,
 * idempotency, quota under concurrency), the pre-checks, the automatic review, the reviewer's side and
 * the REVIEW_RESULT events, and SendSms with templates.
 */
@ResourceLock(SharedStack.MESSAGES)
class TemplatesEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;
    static final ExecutorService POOL = Executors.newFixedThreadPool(20);

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(TemplatesEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "tpl-ops", "ENTERPRISE", true));
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    static ApiClient account(String id) throws Exception {
        return account(stack, id);
    }

    static ApiClient account(RunningStack on, String id) throws Exception {
        return new ApiClient(on.baseUrl, Tokens.mint(on.dataDir, id, "ENTERPRISE", false));
    }

    /** A {@code POST /v1/templates} body: one declared kind per variable, in order. */
    static Map<String, Object> template(String name, String type, String content, String... kinds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("content", content);
        body.put("variables", Arrays.stream(kinds).map(k -> (Object) Map.of("kind", k)).toList());
        body.put("remark", "Sent to our customers about their orders");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static final Map<String, Object> SHIPPED = template("Order shipped", "NOTIFICATION",
            "Your order {1} has shipped and will arrive on {2}.", "DIGITS", "DATETIME");

    static String submit(ApiClient client, Map<String, Object> body) throws Exception {
        ApiClient.Response submitted = client.post("/v1/templates", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return (String) submitted.json().get("templateId");
    }

    static Map<String, Object> awaitManual(ApiClient client, String id) throws Exception {
        return client.await("/v1/templates/" + id, t -> "MANUAL".equals(t.get("reviewStage")), "manual review of " + id);
    }

    static Map<String, Object> awaitStatus(ApiClient client, String id, String status) throws Exception {
        return client.await("/v1/templates/" + id, t -> status.equals(t.get("status")), status + " of " + id);
    }

    static Map<String, Object> error(ApiClient.Response response) {
        return map(response.json().get("error"));
    }

    static List<String> ids(ApiClient client, String query) throws Exception {
        ApiClient.Response page = client.get("/v1/templates" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return list(page.json().get("templates")).stream().map(t -> (String) t.get("templateId")).toList();
    }

    /** All of the caller's templates, page by page of {@code limit}. */
    static List<String> all(ApiClient client, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> page = client.get("/v1/templates?limit=" + limit
                    + (token == null ? "" : "&nextToken=" + token)).json();
            list(page.get("templates")).forEach(t -> ids.add((String) t.get("templateId")));
            token = (String) page.get("nextToken");
        } while (token != null && ++pages < 100);
        return ids;
    }

    /** Every entry of the reviewer's queue with this query, page by page. */
    static List<Map<String, Object>> reviews(String query) throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ApiClient.Response page = reviewer.get("/v1/reviews?limit=100" + query
                    + (token == null ? "" : "&nextToken=" + token));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            entries.addAll(list(page.json().get("reviews")));
            token = (String) page.json().get("nextToken");
        } while (token != null && ++pages < 100);
        return entries;
    }

    static ApiClient.Response decision(ApiClient who, String id, Object version, String decision, String... reasons) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("version", version);
        if (reasons.length > 0) {
            body.put("reasons", List.of(reasons));
        }
        return who.post("/v1/reviews/" + id + "/decision", body);
    }

    static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        calls.forEach(c -> futures.add(POOL.submit(c)));
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    // ---- the routes ----

    @Test
    void aTemplateIsCreatedInAutomaticReviewReachesTheReviewerAndIsListedNewestFirstByStatusAndPage() throws Exception {
        ApiClient client = account("tpl-crud");
        ApiClient.Response created = client.post("/v1/templates", SHIPPED);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json()).containsEntry("status", "IN_REVIEW").containsEntry("reviewStage", "AUTOMATIC")
                .containsEntry("international", false).containsEntry("content", SHIPPED.get("content"))
                .containsEntry("type", "NOTIFICATION");
        assertThat(list(created.json().get("variables"))).extracting(v -> v.get("kind")).containsExactly("DIGITS", "DATETIME");
        String first = (String) created.json().get("templateId");
        assertThat(first).startsWith("tpl-");
        Map<String, Object> manual = awaitManual(client, first);
        assertThat(manual).containsEntry("status", "IN_REVIEW");
        assertThat(list(manual.get("history"))).extracting(h -> h.get("from") + ">" + h.get("to") + " by " + h.get("actor"))
                .containsExactly("null>IN_REVIEW by applicant", "IN_REVIEW>IN_REVIEW by automatic-review");

        String second = submit(client, with(SHIPPED, "name", "Order shipped 2"));
        String third = submit(client, with(SHIPPED, "name", "Order shipped 3"));
        assertThat(ids(client, "")).as("newest first").containsExactly(third, second, first);
        assertThat(all(client, 2)).as("two pages of 2, in the same order").containsExactly(third, second, first);
        ApiClient.Response firstPage = client.get("/v1/templates?limit=2");
        String token = (String) firstPage.json().get("nextToken");
        assertThat(token).isNotNull();

        ApiClient.Response forged = client.get("/v1/templates?limit=2&nextToken=" + token.substring(0, token.length() - 2) + "AA");
        assertThat(forged.status()).as("a forged nextToken").isEqualTo(400);
        assertThat(client.get("/v1/templates?nextToken=garbage").status()).isEqualTo(400);
        ApiClient.Response foreign = account("tpl-crud-other").get("/v1/templates?limit=2&nextToken=" + token);
        assertThat(foreign.status()).as("another account's nextToken: " + foreign.body()).isEqualTo(400);
        assertThat(client.get("/v1/templates?status=PENDING").status()).as("an unknown status").isEqualTo(400);

        awaitManual(client, second);
        Journeys.decide(client, reviewer, "/v1/templates/" + first, first, Map.of("decision", "APPROVE"), "APPROVED");
        Journeys.decide(client, reviewer, "/v1/templates/" + second, second,
                Map.of("decision", "REJECT", "reasons", List.of("VARIABLE_MISUSE")), "REJECTED");
        assertThat(ids(client, "?status=APPROVED")).containsExactly(first);
        assertThat(ids(client, "?status=REJECTED")).containsExactly(second);
        assertThat(ids(client, "?status=IN_REVIEW")).containsExactly(third);
        assertThat(client.get("/v1/templates/" + first).json()).doesNotContainKey("reviewStage");
    }

    @Test
    void anApprovedTemplateCannotBeModifiedARejectedOneReturnsToReviewAndDeleteFreesTheSlot() throws Exception {
        ApiClient client = account("tpl-lifecycle");
        String approved = Journeys.approveTemplate(client, reviewer, SHIPPED);
        ApiClient.Response modifyApproved = client.put("/v1/templates/" + approved, with(SHIPPED, "remark", "changed"));
        assertThat(modifyApproved.status()).isEqualTo(409);
        assertThat(error(modifyApproved)).containsEntry("code", "FailedOperation.TemplateAlreadyPassedCheck");
        assertThat(client.get("/v1/templates/" + approved).json()).containsEntry("status", "APPROVED")
                .containsEntry("remark", SHIPPED.get("remark"));

        String rejected = submit(client, with(SHIPPED, "name", "To be fixed"));
        Journeys.decide(client, reviewer, "/v1/templates/" + rejected, rejected,
                Map.of("decision", "REJECT", "reasons", List.of("OTHER"), "comment", "Say which shop the order is from"),
                "REJECTED");
        Map<String, Object> before = client.get("/v1/templates/" + rejected).json();
        assertThat(map(before.get("rejection"))).containsEntry("comment", "Say which shop the order is from");

        ApiClient.Response international = client.put("/v1/templates/" + rejected, with(SHIPPED, "international", true));
        assertThat(international.status()).isEqualTo(400);
        assertThat(error(international)).containsEntry("field", "international");

        Map<String, Object> fixed = with(SHIPPED, "content", "Your Acme Shop order {1} has shipped and will arrive on {2}.");
        ApiClient.Response modified = client.put("/v1/templates/" + rejected, fixed);
        assertThat(modified.status()).as(modified.body()).isEqualTo(200);
        assertThat(modified.json()).containsEntry("status", "IN_REVIEW").containsEntry("reviewStage", "AUTOMATIC")
                .containsEntry("content", fixed.get("content")).doesNotContainKey("rejection");
        assertThat(((Number) modified.json().get("version")).longValue())
                .isGreaterThan(((Number) before.get("version")).longValue());
        Journeys.decide(client, reviewer, "/v1/templates/" + rejected, rejected, Map.of("decision", "APPROVE"), "APPROVED");
        assertThat(list(client.get("/v1/templates/" + rejected).json().get("history"))).extracting(h -> h.get("from") + ">" + h.get("to"))
                .containsSubsequence("IN_REVIEW>REJECTED", "REJECTED>IN_REVIEW", "IN_REVIEW>APPROVED");

        assertThat(stack.registrySize("tpl-lifecycle", "TEMPLATE_REGISTRY")).isEqualTo(2);
        assertThat(client.delete("/v1/templates/" + approved).status()).isEqualTo(204);
        assertThat(client.get("/v1/templates/" + approved).status()).isEqualTo(404);
        assertThat(client.delete("/v1/templates/" + approved).status()).isEqualTo(404);
        assertThat(all(client, 50)).containsExactly(rejected);
        assertThat(stack.registrySize("tpl-lifecycle", "TEMPLATE_REGISTRY")).as("the slot is freed").isEqualTo(1);
    }

    @Test
    void anotherAccountsTemplateIsNotFoundOnEveryRouteAndCannotBeSentWith() throws Exception {
        ApiClient owner = account("tpl-owner");
        ApiClient intruder = account("tpl-intruder");
        String id = Journeys.approveCodeTemplate(owner, reviewer);
        Journeys.approve(intruder, reviewer, "Intruder Labs", "Intruder Labs Ltd.");

        for (ApiClient.Response r : List.of(intruder.get("/v1/templates/" + id),
                intruder.put("/v1/templates/" + id, SHIPPED), intruder.delete("/v1/templates/" + id))) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
        }
        ApiClient.Response missing = intruder.get("/v1/templates/tpl-0000000000000000000000zzzz");
        assertThat(error(intruder.get("/v1/templates/" + id)).get("code")).as("indistinguishable from a missing one")
                .isEqualTo(error(missing).get("code"));
        assertThat(ids(intruder, "")).isEmpty();
        ApiClient.Response sent = Journeys.send(intruder, List.of("13600136000"), "Intruder Labs", id, "4821");
        assertThat(sent.status()).isEqualTo(400);
        assertThat(error(sent)).containsEntry("code", "FailedOperation.TemplateIncorrectOrUnapproved")
                .containsEntry("field", "templateId");
        assertThat(owner.get("/v1/templates/" + id).json()).as("untouched").containsEntry("status", "APPROVED")
                .containsEntry("content", Journeys.CODE_TEMPLATE);
    }

    @Test
    void theSameIdempotencyKeyAndBodyCreateOneTemplateAndAnotherBodyUnderThatKeyIsRefused() throws Exception {
        ApiClient client = account("tpl-idempotent");
        String body = Json.write(SHIPPED);
        ApiClient.Response first = client.raw("POST", "/v1/templates", body, "Content-Type", "application/json",
                "Idempotency-Key", "tpl-submit-1");
        ApiClient.Response second = client.raw("POST", "/v1/templates", body, "Content-Type", "application/json",
                "Idempotency-Key", "tpl-submit-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).as("the first answer, replayed").isEqualTo(first.body());
        assertThat(all(client, 50)).containsExactly((String) first.json().get("templateId"));

        ApiClient.Response reuse = client.raw("POST", "/v1/templates", Json.write(with(SHIPPED, "name", "Other body")),
                "Content-Type", "application/json", "Idempotency-Key", "tpl-submit-1");
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(error(reuse)).containsEntry("code", "IdempotencyKeyReuse");
        assertThat(all(client, 50)).hasSize(1);
        assertThat(stack.registrySize("tpl-idempotent", "TEMPLATE_REGISTRY")).isEqualTo(1);
    }

    // ---- pre-checks ----

    @Test
    void eachPreCheckRefusesItsOwnMistakeWithAPreciseCodeAndFieldAndStoresNothing() throws Exception {
        ApiClient client = account("tpl-prechecks");
        String kept = submit(client, SHIPPED);
        String eleven = "Items {1} {2} {3} {4} {5} {6} {7} {8} {9} {10} {11} are on their way.";
        String[] ten = Collections.nCopies(10, "DIGITS").toArray(String[]::new);
        String filler = "您的订单已由仓库打包完成，";
        Object[][] cases = {
                {"brackets", template("Brackets", "NOTIFICATION", "【Acme】 Your order {1} has shipped.", "DIGITS"),
                        "InvalidParameterValue.TemplateContainsBrackets", "content", "【】[]"},
                {"full-width brackets", template("Brackets", "NOTIFICATION", "［Acme］ Your order {1} has shipped.", "DIGITS"),
                        "InvalidParameterValue.TemplateContainsBrackets", "content", "【】[]"},
                {"another system's placeholder", template("Placeholder", "NOTIFICATION", "Your order ${orderId} has shipped."),
                        "InvalidParameterValue.TemplateVariableFormat", "content", "${orderId}"},
                {"a stray brace", template("Placeholder", "NOTIFICATION", "Your order {id} has shipped."),
                        "InvalidParameterValue.TemplateVariableFormat", "content", "{id}"},
                {"a gap in the numbering", template("Gap", "NOTIFICATION", "Your order {1} arrives on {3}.", "DIGITS", "DATETIME"),
                        "InvalidParameterValue.TemplateVariableFormat", "content", "{2} is missing"},
                {"a variable used twice", template("Reuse", "NOTIFICATION", "Your order {1} has shipped; track {1} online.", "DIGITS"),
                        "InvalidParameterValue.TemplateVariableFormat", "content", "more than once"},
                {"more than 10 variables", template("Eleven", "NOTIFICATION", eleven, ten),
                        "InvalidParameterValue.TemplateVariableFormat", "content", "{11} is beyond the limit of 10"},
                {"more kinds than variables", template("Mismatch", "NOTIFICATION", "Your order {1} has shipped.", "DIGITS", "TEXT"),
                        "InvalidParameterValue.TemplateVariablesMismatch", "variables", "uses 1 variable(s) but 2"},
                {"fewer kinds than variables", template("Mismatch", "NOTIFICATION", "Your order {1} arrives on {2}.", "DIGITS"),
                        "InvalidParameterValue.TemplateVariablesMismatch", "variables", "uses 2 variable(s) but 1"},
                {"a URL built with a variable", template("Link", "NOTIFICATION", "Track your parcel at https://acme.example.com/t/{1}", "CODE"),
                        "InvalidParameterValue.TemplateUrlVariable", "content", "{1}"},
                {"content over 500", template("Long", "NOTIFICATION", "订".repeat(501)),
                        "InvalidParameterValue.TemplateContentLength", "content", "1-500"},
                {"500 fits only without its variables at their longest", template("Worst case", "NOTIFICATION",
                        filler.repeat(36) + "备注：{1}", "TEXT"),
                        "InvalidParameterValue.TemplateContentLength", "content", "longest"},
                {"an empty name", template("  ", "NOTIFICATION", "Your order {1} has shipped.", "DIGITS"),
                        "InvalidParameterValue.TemplateNameFormat", "name", "1-30"},
                {"a name over 30", template("N".repeat(31), "NOTIFICATION", "Your order {1} has shipped.", "DIGITS"),
                        "InvalidParameterValue.TemplateNameFormat", "name", "1-30"},
                {"a remark over 500", with(template("Remark", "NOTIFICATION", "Your order {1} has shipped.", "DIGITS"),
                        "remark", "r".repeat(501)), "InvalidParameterValue.TemplateRemarkLength", "remark", "1-500"},
                {"no remark", with(template("Remark", "NOTIFICATION", "Your order {1} has shipped.", "DIGITS"), "remark", ""),
                        "InvalidParameterValue.TemplateRemarkLength", "remark", "1-500"},
        };
        assertThat((filler.repeat(36) + "备注：").length() + 20 + 22).as("the worst case is over 500")
                .isGreaterThan(500);
        assertThat((filler.repeat(36) + "备注：{1}").length()).as("the content alone is not").isLessThanOrEqualTo(500);
        for (Object[] c : cases) {
            ApiClient.Response refused = client.post("/v1/templates", c[1]);
            assertThat(refused.status()).as(c[0] + ": " + refused.body()).isEqualTo(400);
            assertThat(error(refused)).as((String) c[0]).containsEntry("code", c[2]).containsEntry("field", c[3]);
            assertThat((String) error(refused).get("message")).as((String) c[0]).contains((String) c[4]);
        }
        assertThat(all(client, 50)).as("nothing stored").containsExactly(kept);
        assertThat(stack.registrySize("tpl-prechecks", "TEMPLATE_REGISTRY")).as("no quota used").isEqualTo(1);
        ApiClient.Response modify = client.put("/v1/templates/" + kept, cases[0][1]);
        assertThat(error(modify)).as("a PUT is pre-checked too").containsEntry("code", "InvalidParameterValue.TemplateContainsBrackets");
        assertThat(client.get("/v1/templates/" + kept).json()).containsEntry("content", SHIPPED.get("content"));
    }

    // ---- automatic review ----

    @Test
    void theAutomaticReviewRejectsMarketingWithoutOptOutAndProhibitedContentAndFlagsMarketingInANotification()
            throws Exception {
        ApiClient client = account("tpl-auto");
        String noOptOut = submit(client, template("Spring sale", "MARKETING",
                "Acme spring sale: 20% off all jackets until {1}, in every store.", "DATETIME"));
        String optOut = submit(client, template("Spring sale CN", "MARKETING",
                "Acme春季特惠：全场夹克8折，活动截至{1}。拒收请回复R", "DATETIME"));
        String prohibited = submit(client, template("Bonus", "NOTIFICATION",
                "Your casino bonus {1} is ready to use tonight.", "AMOUNT"));
        String advisory = submit(client, template("Shipped with coupon", "NOTIFICATION",
                "Your order {1} has shipped. Use coupon SPRING on your next order.", "DIGITS"));

        Map<String, Object> rejected = awaitStatus(client, noOptOut, "REJECTED");
        assertThat(list(map(rejected.get("rejection")).get("reasons"))).extracting(r -> r.get("code"))
                .containsExactly("MISSING_OPT_OUT");
        assertThat(list(rejected.get("findings"))).extracting(f -> f.get("code") + "/" + f.get("severity"))
                .contains("MISSING_OPT_OUT/BLOCKING");
        assertThat(list(rejected.get("history"))).extracting(h -> h.get("from") + ">" + h.get("to") + " by " + h.get("actor"))
                .containsExactly("null>IN_REVIEW by applicant", "IN_REVIEW>REJECTED by automatic-review");

        assertThat(list(awaitManual(client, optOut).get("findings"))).as("the opt-out instruction is there").isEmpty();

        Map<String, Object> forbidden = awaitStatus(client, prohibited, "REJECTED");
        assertThat(list(map(forbidden.get("rejection")).get("reasons"))).extracting(r -> r.get("code"))
                .containsExactly("PROHIBITED_CONTENT");

        Map<String, Object> flagged = awaitManual(client, advisory);
        assertThat(flagged).containsEntry("status", "IN_REVIEW");
        assertThat(list(flagged.get("findings"))).extracting(f -> f.get("code") + "/" + f.get("severity"))
                .containsExactly("MARKETING_IN_NOTIFICATION/ADVISORY");
        Map<String, Object> listed = reviews("&kind=template").stream()
                .filter(r -> advisory.equals(map(r.get("template")).get("templateId"))).findFirst().orElseThrow();
        assertThat(list(map(listed.get("template")).get("findings"))).as("the reviewer sees the finding")
                .extracting(f -> f.get("code")).containsExactly("MARKETING_IN_NOTIFICATION");
        assertThat(listed).containsEntry("accountId", "tpl-auto");
    }

    // ---- reviews ----

    @Test
    void theReviewersQueueListsTemplatesAndSignaturesByKind() throws Exception {
        ApiClient client = account("tpl-kinds");
        String templateId = submit(client, SHIPPED);
        ApiClient.Response signature = client.post("/v1/signatures", Map.of("name", "Kinds Labs", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Kinds Labs Ltd.")));
        ApiClient.upload(list(signature.json().get("uploads")).get(0), "application/pdf", SignatureJourneyEndToEndTest.PDF);
        String signatureId = (String) map(signature.json().get("signature")).get("signatureId");
        awaitManual(client, templateId);
        client.await("/v1/signatures/" + signatureId, s -> "MANUAL".equals(s.get("reviewStage")), "manual review");

        List<Map<String, Object>> templates = reviews("&kind=template");
        assertThat(templates).allSatisfy(r -> assertThat(r).containsKey("template").doesNotContainKey("signature"));
        assertThat(templates).extracting(r -> map(r.get("template")).get("templateId")).contains(templateId);
        List<Map<String, Object>> signatures = reviews("&kind=signature");
        assertThat(signatures).allSatisfy(r -> assertThat(r).containsKey("signature").doesNotContainKey("template"));
        assertThat(signatures).extracting(r -> map(r.get("signature")).get("signatureId")).contains(signatureId);
        List<Map<String, Object>> both = reviews("");
        assertThat(both).extracting(r -> r.containsKey("template") ? map(r.get("template")).get("templateId")
                : map(r.get("signature")).get("signatureId")).contains(templateId, signatureId);
        ApiClient.Response bogus = reviewer.get("/v1/reviews?kind=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(error(bogus)).containsEntry("field", "kind");
    }

    @Test
    void aTemplateDecisionIsRefusedForSelfReviewASignatureOnlyReasonAndOtherWithoutAComment() throws Exception {
        ApiClient client = account("tpl-decide");
        ApiClient sameAccountReviewer = new ApiClient(stack.baseUrl,
                Tokens.mint(stack.dataDir, "tpl-decide", "ENTERPRISE", true));
        String id = submit(client, SHIPPED);
        Map<String, Object> manual = awaitManual(client, id);
        Object version = manual.get("version");

        ApiClient.Response self = decision(sameAccountReviewer, id, version, "APPROVE");
        assertThat(self.status()).as(self.body()).isEqualTo(403);
        assertThat(error(self)).containsEntry("code", "AuthFailure.SelfReview");
        ApiClient.Response signatureReason = decision(reviewer, id, version, "REJECT", "DOCUMENT_EXPIRED");
        assertThat(signatureReason.status()).as(signatureReason.body()).isEqualTo(400);
        assertThat(error(signatureReason)).containsEntry("field", "reasons");
        ApiClient.Response noComment = decision(reviewer, id, version, "REJECT", "OTHER");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(error(noComment)).containsEntry("code", "InvalidParameterValue.CommentRequired");
        ApiClient.Response noReason = decision(reviewer, id, version, "REJECT");
        assertThat(noReason.status()).isEqualTo(400);
        Thread.sleep(2000); // an enqueued decision would have been applied (or discarded and recorded) by now
        assertThat(client.get("/v1/templates/" + id).json()).as("nothing was enqueued").isEqualTo(manual);

        Journeys.decide(client, reviewer, "/v1/templates/" + id, id, Map.of("decision", "REJECT",
                "reasons", List.of("UNCLEAR_PURPOSE", "OTHER"), "comment", "Name the shop"), "REJECTED");
        Map<String, Object> rejection = map(client.get("/v1/templates/" + id).json().get("rejection"));
        assertThat(list(rejection.get("reasons"))).extracting(r -> r.get("code")).containsExactly("UNCLEAR_PURPOSE", "OTHER");
        assertThat(rejection).containsEntry("comment", "Name the shop");
    }

    @Test
    void aDecisionForAStaleVersionOfATemplateIsDiscardedAndRecordedInItsHistory() throws Exception {
        ApiClient client = account("tpl-stale");
        String id = submit(client, SHIPPED);
        Map<String, Object> manual = awaitManual(client, id);
        assertThat(client.put("/v1/templates/" + id, with(SHIPPED, "remark", "Shipping notices of Acme Shop")).status())
                .isEqualTo(200);
        awaitManual(client, id);
        assertThat(decision(reviewer, id, manual.get("version"), "APPROVE").status()).isEqualTo(202);
        Map<String, Object> after = client.await("/v1/templates/" + id, t -> list(t.get("history")).stream()
                .anyMatch(h -> Boolean.TRUE.equals(h.get("discarded"))), "the stale decision");
        assertThat(after).as("never approved by a decision about an older version").containsEntry("status", "IN_REVIEW")
                .containsEntry("reviewStage", "MANUAL");
        Map<String, Object> discarded = list(after.get("history")).stream()
                .filter(h -> Boolean.TRUE.equals(h.get("discarded"))).findFirst().orElseThrow();
        assertThat(discarded).containsEntry("actor", "user-tpl-ops");
        assertThat((String) discarded.get("note")).contains("for version " + manual.get("version")).contains("discarded");
        Journeys.decide(client, reviewer, "/v1/templates/" + id, id, Map.of("decision", "APPROVE"), "APPROVED");
    }

    @Test
    void anApprovedTemplateIsAnnouncedOnceOnTheReviewResultsQueueAsATemplate() throws Exception {
        ApiClient client = account("tpl-results");
        String id = Journeys.approveTemplate(client, reviewer, SHIPPED);
        List<Map<String, Object>> results = ReviewResultsQueue.of(stack, "templateId", id, 1);
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).containsEntry("kind", "TEMPLATE").containsEntry("templateId", id)
                .containsEntry("status", "APPROVED").containsEntry("accountId", "tpl-results")
                .containsEntry("name", SHIPPED.get("name")).containsKey("at").doesNotContainKey("signatureId");

        String rejected = submit(client, template("No opt-out", "MARKETING", "Acme jackets: 20% off until {1}.", "DATETIME"));
        awaitStatus(client, rejected, "REJECTED");
        List<Map<String, Object>> automatic = ReviewResultsQueue.of(stack, "templateId", rejected, 1);
        assertThat(automatic).extracting(r -> r.get("kind") + "/" + r.get("status")).containsExactly("TEMPLATE/REJECTED");
        assertThat(list(automatic.get(0).get("reasons"))).extracting(r -> r.get("code")).containsExactly("MISSING_OPT_OUT");
    }

    // ---- sending ----

    static volatile String sign;

    /** The account the sending tests share, with its approved signature "Template Labs". */
    static synchronized ApiClient sender() throws Exception {
        ApiClient client = account("tpl-sender");
        if (sign == null) {
            Journeys.approve(client, reviewer, "Template Labs", "Template Labs Ltd.");
            sign = "Template Labs";
        }
        return client;
    }

    static List<Map<String, Object>> statuses(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return list(response.json().get("sendStatuses"));
    }

    @Test
    void anApprovedTemplateSendsUntilItIsDeletedAndARejectedOneNeverSends() throws Exception {
        ApiClient client = sender();
        String approved = Journeys.approveTemplate(client, reviewer, with(SHIPPED, "name", "Shipped to send"));
        Map<String, Object> ok = statuses(Journeys.send(client, List.of("13400134000"), sign, approved, "1024", "2026-05-01"))
                .get(0);
        assertThat(ok).containsEntry("code", "Ok");
        assertThat(client.await("/v1/sms/" + ok.get("serialNo"), m -> "DELIVERED".equals(m.get("status")), "delivery")
                .get("text")).isEqualTo("【Template Labs】Your order 1024 has shipped and will arrive on 2026-05-01.");

        String rejected = submit(client, with(SHIPPED, "name", "Shipped rejected"));
        Journeys.decide(client, reviewer, "/v1/templates/" + rejected, rejected,
                Map.of("decision", "REJECT", "reasons", List.of("VARIABLE_MISUSE")), "REJECTED");
        ApiClient.Response withRejected = Journeys.send(client, List.of("13400134001"), sign, rejected, "1025", "2026-05-02");
        assertThat(withRejected.status()).isEqualTo(400);
        assertThat(error(withRejected)).containsEntry("code", "FailedOperation.TemplateIncorrectOrUnapproved");

        assertThat(client.delete("/v1/templates/" + approved).status()).isEqualTo(204);
        ApiClient.Response afterDelete = Journeys.send(client, List.of("13400134002"), sign, approved, "1026", "2026-05-03");
        assertThat(afterDelete.status()).as("from the very next request").isEqualTo(400);
        assertThat(error(afterDelete)).containsEntry("code", "FailedOperation.TemplateIncorrectOrUnapproved")
                .containsEntry("field", "templateId");
    }

    @Test
    void anInternationalTemplateSendsOnlyAbroadAndADomesticOneOnlyToChineseNumbers() throws Exception {
        ApiClient client = sender();
        String domestic = Journeys.approveCodeTemplate(client, reviewer);
        String international = Journeys.approveTemplate(client, reviewer, with(template("Login code abroad",
                "VERIFICATION_CODE", "Your Acme login code is {1}. It expires in 5 minutes.", "CODE"), "international", true));
        assertThat(client.get("/v1/templates/" + international).json()).containsEntry("international", true);

        ApiClient.Response abroad = client.post("/v1/sms/send", Map.of("phoneNumbers", List.of("+14155550123"),
                "templateId", international, "templateParams", List.of("A1B2")));
        assertThat(statuses(abroad).get(0)).containsEntry("code", "Ok").containsEntry("isoCode", "US");
        ApiClient.Response domesticAbroad = client.post("/v1/sms/send", Map.of("phoneNumbers", List.of("+14155550124"),
                "templateId", domestic, "templateParams", List.of("A1B2")));
        assertThat(domesticAbroad.status()).isEqualTo(400);
        assertThat(error(domesticAbroad)).containsEntry("code", "FailedOperation.TemplateIncorrectOrUnapproved");
        ApiClient.Response internationalHome = Journeys.send(client, List.of("13400134010"), sign, international, "A1B2");
        assertThat(internationalHome.status()).isEqualTo(400);
        assertThat(error(internationalHome)).containsEntry("code", "FailedOperation.TemplateIncorrectOrUnapproved");
        assertThat(statuses(Journeys.send(client, List.of("13400134010"), sign, domestic, "A1B2")).get(0))
                .containsEntry("code", "Ok");
    }

    @Test
    void eachParameterIsCheckedAgainstItsVariablesKind() throws Exception {
        ApiClient client = sender();
        String id = Journeys.approveTemplate(client, reviewer, template("Pickup", "NOTIFICATION",
                "Hello {1}, order {2} is ready; pickup code {3}. Note: {4}", "NAME", "DIGITS", "CODE", "TEXT"));
        List<String> valid = List.of("Li Lei", "20240001", "7Q4K", "gate B");
        String[][] refused = {
                {"a CODE of 2 characters", "Li Lei", "20240001", "12", "gate B"},
                {"DIGITS with a letter", "Li Lei", "12a", "7Q4K", "gate B"},
                {"a URL in a NAME", "www.acme.com", "20240001", "7Q4K", "gate B"},
                {"a URL in a TEXT", "Li Lei", "20240001", "7Q4K", "http://x.cn"},
                {"brackets in a TEXT", "Li Lei", "20240001", "7Q4K", "【Bank】"},
                {"ASCII brackets in a NAME", "[Bank] Li", "20240001", "7Q4K", "gate B"},
                {"a NAME of only digits", "123456", "20240001", "7Q4K", "gate B"},
                {"a TEXT over 20", "Li Lei", "20240001", "7Q4K", "x".repeat(21)},
        };
        for (String[] c : refused) {
            ApiClient.Response r = Journeys.send(client, List.of("13400134020"), sign, id, c[1], c[2], c[3], c[4]);
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(error(r)).as(c[0]).containsEntry("code", "InvalidParameterValue.TemplateParameterFormatError")
                    .containsEntry("field", "templateParams");
        }
        ApiClient.Response tooFew = Journeys.send(client, List.of("13400134020"), sign, id, "Li Lei", "20240001", "7Q4K");
        assertThat(error(tooFew)).containsEntry("code", "InvalidParameterValue.TemplateParameterFormatError");
        Map<String, Object> ok = statuses(Journeys.send(client, List.of("13400134020"), sign, id,
                valid.toArray(String[]::new))).get(0);
        assertThat(ok).as("none of the refusals counted against the number").containsEntry("code", "Ok");
        assertThat(client.get("/v1/sms/" + ok.get("serialNo")).json().get("text"))
                .isEqualTo("【Template Labs】Hello Li Lei, order 20240001 is ready; pickup code 7Q4K. Note: gate B");
    }

    @Test
    void theFeeIsCountedOnTheRenderedText70CharactersAreOnePart71AreTwo() throws Exception {
        ApiClient client = sender();
        String content = "亲，您的包裹已到达小区东门快递驿站，请凭取件码在今晚八点前取件，逾期将退回寄件人。取件码：{1}";
        int constant = content.length() - "{1}".length();
        int frame = ("【" + sign + "】").length();
        int seventy = 70 - frame - constant;
        assertThat(seventy).as("a DIGITS parameter fills the text to 70 and 71").isBetween(1, 11);
        String id = Journeys.approveTemplate(client, reviewer, template("Pickup fee", "NOTIFICATION", content, "DIGITS"));

        Map<String, Object> one = statuses(Journeys.send(client, List.of("13400134030"), sign, id, "1".repeat(seventy))).get(0);
        Map<String, Object> two = statuses(Journeys.send(client, List.of("13400134031"), sign, id, "1".repeat(seventy + 1))).get(0);
        assertThat(client.get("/v1/sms/" + one.get("serialNo")).json().get("text").toString()).hasSize(70);
        assertThat(client.get("/v1/sms/" + two.get("serialNo")).json().get("text").toString()).hasSize(71);
        assertThat(one).as("70 UCS-2 characters: one part").containsEntry("fee", 1);
        assertThat(two).as("71 UCS-2 characters: two parts of 67").containsEntry("fee", 2);
        System.out.printf("fee on the rendered text: %d characters -> %s part(s), %d -> %s%n", 70, one.get("fee"),
                71, two.get("fee"));
    }
}
