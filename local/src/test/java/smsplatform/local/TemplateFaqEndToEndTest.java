package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.ApiClient.list;
import static smsplatform.local.ApiClient.map;
import static smsplatform.local.TemplatesEndToEndTest.error;
import static smsplatform.local.TemplatesEndToEndTest.submit;
import static smsplatform.local.TemplatesEndToEndTest.template;
import static smsplatform.local.TemplatesEndToEndTest.with;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The customer questions about templates (the companion of SeedFaqEndToEndTest for signatures), one
 * test per question, named by its answer and driven through the HTTP API of the local stack.
 */
@ResourceLock(SharedStack.MESSAGES)
class TemplateFaqEndToEndTest {

    static RunningStack stack;
    static ApiClient reviewer;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(TemplateFaqEndToEndTest.class);
        reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "faq-tpl-ops", "ENTERPRISE", true));
    }

    static ApiClient account(String id) throws Exception {
        return new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, id, "ENTERPRISE", false));
    }

    static final Map<String, Object> CODE = template("Login code", "VERIFICATION_CODE",
            "Your Acme login code is {1}, valid for 5 minutes.", "CODE");

    /** Which template types can I apply for? */
    @Test
    void templatesAreForVerificationCodesNotificationsOrMarketing() throws Exception {
        ApiClient client = account("faq-tpl-types");
        List<Map<String, Object>> kinds = List.of(CODE,
                template("Delivery", "NOTIFICATION", "Your Acme order {1} will be delivered on {2}.", "DIGITS", "DATETIME"),
                template("Autumn sale", "MARKETING", "Acme autumn sale: 30% off all coats this week. Reply STOP to opt out"));
        for (Map<String, Object> body : kinds) {
            ApiClient.Response created = client.post("/v1/templates", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json()).containsEntry("type", body.get("type")).containsEntry("status", "IN_REVIEW");
        }
        ApiClient.Response other = client.post("/v1/templates", with(CODE, "type", "PROMOTION"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(error(other)).containsEntry("field", "type");
        assertThat(error(other).get("message").toString()).contains("VERIFICATION_CODE", "NOTIFICATION", "MARKETING");
    }

    /** Can I modify an approved template? */
    @Test
    void anApprovedTemplateCannotBeModifiedApplyForANewOneInstead() throws Exception {
        ApiClient client = account("faq-tpl-approved");
        String approved = Journeys.approveTemplate(client, reviewer, CODE);
        ApiClient.Response modified = client.put("/v1/templates/" + approved,
                with(CODE, "content", "Your Acme login code is {1}, valid for 10 minutes."));
        assertThat(modified.status()).isEqualTo(409);
        assertThat(error(modified)).containsEntry("code", "FailedOperation.TemplateAlreadyPassedCheck");
        assertThat(error(modified).get("message").toString()).contains("apply for a new template");

        ApiClient.Response replacement = client.post("/v1/templates",
                with(CODE, "content", "Your Acme login code is {1}, valid for 10 minutes."));
        assertThat(replacement.status()).as("a new application is the way").isEqualTo(201);
        assertThat(client.get("/v1/templates/" + approved).json()).as("the approved one keeps sending as it was")
                .containsEntry("status", "APPROVED").containsEntry("content", CODE.get("content"));
    }

    /** What variables may a template contain? */
    @Test
    void variablesAreNumberedFromOneEachUsedOnceWithADeclaredKindAndAtMostTen() throws Exception {
        ApiClient client = account("faq-tpl-variables");
        ApiClient.Response everyKind = client.post("/v1/templates", template("Every kind", "NOTIFICATION",
                "Dear {1}, code {2} for order {3}: {4} paid on {5}. Note: {6}",
                "NAME", "CODE", "DIGITS", "AMOUNT", "DATETIME", "TEXT"));
        assertThat(everyKind.status()).as(everyKind.body()).isEqualTo(201);
        assertThat(list(everyKind.json().get("variables"))).extracting(v -> v.get("kind"))
                .containsExactly("NAME", "CODE", "DIGITS", "AMOUNT", "DATETIME", "TEXT");
        String ten = "Parcels {1} {2} {3} {4} {5} {6} {7} {8} {9} {10} left the warehouse.";
        ApiClient.Response tenVariables = client.post("/v1/templates", template("Ten", "NOTIFICATION", ten,
                Collections.nCopies(10, "DIGITS").toArray(String[]::new)));
        assertThat(tenVariables.status()).as("ten is the most: " + tenVariables.body()).isEqualTo(201);

        Object[][] refused = {
                {"Your order {0} has shipped.", new String[] {"DIGITS"}, "InvalidParameterValue.TemplateVariableFormat"},
                {"Your order {{order}} has shipped.", new String[0], "InvalidParameterValue.TemplateVariableFormat"},
                {"Your order %s has shipped.", new String[0], "InvalidParameterValue.TemplateVariableFormat"},
                {"Your order {2} has shipped.", new String[] {"DIGITS"}, "InvalidParameterValue.TemplateVariableFormat"},
                {"Your order {1} has shipped.", new String[0], "InvalidParameterValue.TemplateVariablesMismatch"},
        };
        for (Object[] c : refused) {
            ApiClient.Response r = client.post("/v1/templates", template("Refused", "NOTIFICATION", (String) c[0], (String[]) c[1]));
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(error(r)).as((String) c[0]).containsEntry("code", c[2]);
        }
        ApiClient.Response unknownKind = client.post("/v1/templates",
                template("Phone", "NOTIFICATION", "Call us back on {1}.", "PHONE"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(error(unknownKind)).containsEntry("field", "variables[0].kind");
        assertThat(TemplatesEndToEndTest.all(client, 50)).as("only the two valid ones").hasSize(2);
    }

    /** Why was my marketing template rejected? */
    @Test
    void aMarketingTemplateMustTellTheRecipientHowToOptOut() throws Exception {
        ApiClient client = account("faq-tpl-optout");
        Map<String, Object> sale = template("Winter sale", "MARKETING", "Acme winter sale: 40% off boots until {1}.", "DATETIME");
        String id = submit(client, sale);
        Map<String, Object> rejected = client.await("/v1/templates/" + id, t -> "REJECTED".equals(t.get("status")),
                "the automatic rejection");
        Map<String, Object> reason = list(map(rejected.get("rejection")).get("reasons")).get(0);
        assertThat(reason).containsEntry("code", "MISSING_OPT_OUT");
        assertThat(reason.get("message").toString()).as("the reason says how to fix it").contains("拒收请回复R");

        ApiClient.Response fixed = client.put("/v1/templates/" + id,
                with(sale, "content", "Acme winter sale: 40% off boots until {1}. Reply STOP to opt out"));
        assertThat(fixed.status()).isEqualTo(200);
        Map<String, Object> manual = client.await("/v1/templates/" + id, t -> "MANUAL".equals(t.get("reviewStage")),
                "the reviewer's turn");
        assertThat(list(manual.get("findings"))).isEmpty();
    }

    /** Can a template contain a link? */
    @Test
    void aLinkMayBeAConstantOfTheTemplateButNeverAVariableOrAParameter() throws Exception {
        ApiClient client = account("faq-tpl-link");
        Journeys.approve(client, reviewer, "Link Labs", "Link Labs Ltd.");
        ApiClient.Response built = client.post("/v1/templates", template("Tracking", "NOTIFICATION",
                "Track your parcel at https://acme.example.com/track?id={1}", "DIGITS"));
        assertThat(built.status()).isEqualTo(400);
        assertThat(error(built)).containsEntry("code", "InvalidParameterValue.TemplateUrlVariable");

        String id = Journeys.approveTemplate(client, reviewer, template("Tracking", "NOTIFICATION",
                "Parcel {1} is on its way; track it at https://acme.example.com/track", "TEXT"));
        ApiClient.Response linkParameter = Journeys.send(client, List.of("13400134100"), "Link Labs", id, "acme.cn/x");
        assertThat(linkParameter.status()).isEqualTo(400);
        assertThat(error(linkParameter)).containsEntry("code", "InvalidParameterValue.TemplateParameterFormatError");
        ApiClient.Response sent = Journeys.send(client, List.of("13400134100"), "Link Labs", id, "SF1024");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String serial = (String) list(sent.json().get("sendStatuses")).get(0).get("serialNo");
        assertThat(client.await("/v1/sms/" + serial, m -> "DELIVERED".equals(m.get("status")), "delivery").get("text"))
                .isEqualTo("【Link Labs】Parcel SF1024 is on its way; track it at https://acme.example.com/track");
    }

    /** How long may an SMS be, and how is it billed? */
    @Test
    void anSmsIsAtMost500CharactersWithItsSignatureAndIsBilledPerPartOf67() throws Exception {
        ApiClient client = account("faq-tpl-length");
        Journeys.approve(client, reviewer, "Bill Labs", "Bill Labs Ltd.");
        String sentence = "您的订单已发货，请留意物流信息。";
        String longest = sentence.repeat(30).substring(0, 500 - 22);
        ApiClient.Response tooLong = client.post("/v1/templates",
                template("Too long", "NOTIFICATION", longest + "。"));
        assertThat(tooLong.status()).as("478 + 1 characters behind the longest signature (22) is 501").isEqualTo(400);
        assertThat(error(tooLong)).containsEntry("code", "InvalidParameterValue.TemplateContentLength")
                .containsEntry("field", "content");

        String id = Journeys.approveTemplate(client, reviewer, template("Longest", "NOTIFICATION", longest));
        Map<String, Object> status = list(Journeys.send(client, List.of("13400134110"), "Bill Labs", id).json()
                .get("sendStatuses")).get(0);
        String text = client.get("/v1/sms/" + status.get("serialNo")).json().get("text").toString();
        assertThat(text).hasSize("【Bill Labs】".length() + 478);
        assertThat(status).as("489 UCS-2 characters: 8 parts of at most 67").containsEntry("fee", 8);
        System.out.printf("faq: a %d-character SMS is billed %s parts%n", text.length(), status.get("fee"));
    }

    /** Is there a limit on the number of templates? */
    @Test
    void youCanHoldUpTo100TemplatesAndDeletingOneFreesItsPlace() throws Exception {
        ApiClient client = account("faq-tpl-hundred");
        for (int i = 0; i < 100; i++) {
            ApiClient.Response created = client.post("/v1/templates", with(CODE, "name", "Login code " + i));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        ApiClient.Response hundredFirst = client.post("/v1/templates", with(CODE, "name", "Login code 100"));
        assertThat(hundredFirst.status()).isEqualTo(400);
        assertThat(error(hundredFirst)).containsEntry("code", "FailedOperation.TemplateNumberLimit");
        String any = TemplatesEndToEndTest.all(client, 100).get(0);
        assertThat(client.delete("/v1/templates/" + any).status()).isEqualTo(204);
        assertThat(client.post("/v1/templates", with(CODE, "name", "Login code 100")).status()).isEqualTo(201);
    }
}
