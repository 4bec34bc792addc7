package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import smsplatform.domain.Failure;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.SignatureNameRules;
import smsplatform.domain.VariableKind;
import smsplatform.domain.callbacks.CallbackUrlPolicy;

/**
 * The console in a real browser on the shared stack (DESIGN §13): an applicant applies and uploads a PDF, a reviewer
 * previews it and rejects it, the applicant reads the reason, modifies and resubmits, the reviewer approves. Every
 * screen passes axe-core without a serious or critical violation, and is saved for the README.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class ConsoleJourneyBrowserTest {

    static RunningStack stack;
    static ConsoleBrowser browser;
    static Path pdf;

    @BeforeAll
    static void start() throws Exception {
        assertThat(ConsoleBrowser.CHROMIUM).as("Debian's chromium (.ci/run installs it)").exists();
        assertThat(ConsoleBrowser.CHROMEDRIVER).as("Debian's chromium-driver (.ci/run installs it)").exists();
        stack = SharedStack.of(ConsoleJourneyBrowserTest.class);
        browser = new ConsoleBrowser(stack.baseUrl, "en");
        pdf = Files.createTempFile("licence", ".pdf");
        Files.write(pdf, ConsoleBrowser.pdf("Business licence of Acme Browser Co., Ltd."));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        Files.deleteIfExists(pdf);
    }

    static String apiMessage(String name) {
        try {
            SignatureNameRules.validate(name);
            throw new AssertionError(name + " was expected to break a rule");
        } catch (Failure failure) {
            return failure.getMessage();
        }
    }

    private static void uploadAndAwaitReview() {
        browser.await(By.id("file-0")).sendKeys(pdf.toString());
        browser.awaitText(By.id("status"), "In review");
    }

    /** Opens application {@code id} in the reviewer's console once it waits for a reviewer. */
    private static void openReview(String id) {
        browser.wait.until(d -> {
            browser.go("#/reviews/" + id);
            return !d.findElements(By.id("approve")).isEmpty();
        });
    }

    private static void reviewerDecides(String id, String reason, String screen) throws Exception {
        browser.signIn("ops-" + UUID.randomUUID().toString().substring(0, 8), "ENTERPRISE", true);
        openReview(id);
        WebElement figure = browser.await(By.cssSelector("figure.preview[data-kind=BUSINESS_LICENSE]"));
        browser.wait.until(d -> "true".equals(figure.getAttribute("data-rendered")));
        Long inked = (Long) ((JavascriptExecutor) browser.driver).executeScript("const c = document.querySelector('figure.preview canvas');"
                + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 0; i < px.length; i += 4) if (px[i] < 128 && px[i + 3] > 0) n++; return n;");
        assertThat(inked).as("dark pixels pdf.js drew for the licence").isGreaterThan(1000L);
        browser.screen(screen);
        if (reason != null) {
            browser.driver.findElement(By.id("reason-" + reason)).click();
            browser.driver.findElement(By.id("comment")).sendKeys("The scan is cut off at the bottom.");
            browser.driver.findElement(By.id("reject")).click();
        } else {
            browser.driver.findElement(By.id("approve")).click();
        }
        browser.awaitText(By.id("decision-outcome"), "Decision applied");
        browser.go("#/reviews?kind=signature");
        browser.screen("reviewer-queue");
        browser.signOut();
    }

    @Test
    void anApplicantAppliesAndUploadsAReviewerRejectsWithAReasonTheApplicantResubmitsAndTheReviewerApproves() throws Exception {
        String account = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn(account, "ENTERPRISE", false);
        browser.screen("signatures-empty");
        browser.driver.findElement(By.linkText("Apply for a signature")).click();
        browser.awaitPage();

        WebElement name = browser.await(By.id("name"));
        name.sendKeys("测试");
        WebElement message = browser.driver.findElement(By.id("name-message"));
        assertThat(message.getAttribute("data-code")).isEqualTo(SignatureNameRules.NON_IDENTIFIABLE_CODE);
        assertThat(message.getText()).isEqualTo(apiMessage("测试"));
        browser.screen("apply-rule-as-you-type");
        name.clear();
        String signature = "Acme Browser";
        name.sendKeys(signature);
        assertThat(message.getText()).isEqualTo("This name follows the rules.");
        browser.driver.findElement(By.id("entityName")).sendKeys("Acme Browser Co., Ltd.");
        browser.driver.findElement(By.id("submit")).click();
        browser.awaitText(By.id("status"), "Awaiting documents");
        browser.screen("signature-awaiting-documents");
        String detail = browser.driver.getCurrentUrl().substring(browser.driver.getCurrentUrl().indexOf('#'));
        String id = detail.substring("#/signatures/".length());

        uploadAndAwaitReview();
        browser.screen("signature-in-review");
        browser.signOut();

        reviewerDecides(id, "DOCUMENT_UNREADABLE", "reviewer-pdf-preview");

        browser.signIn(account, "ENTERPRISE", false);
        browser.go(detail);
        browser.awaitText(By.id("status"), "Rejected");
        assertThat(browser.driver.findElement(By.id("rejection-reasons")).getText())
                .isEqualTo(ReasonCode.DOCUMENT_UNREADABLE.message());
        browser.screen("signature-rejected");
        browser.driver.findElement(By.id("modify")).click();
        browser.await(By.id("remark")).sendKeys("A complete scan of the licence.");
        browser.driver.findElement(By.id("submit")).click();
        // The licence it kept is still required: it counts again, and the application is back in review.
        browser.awaitText(By.id("status"), "In review");
        browser.screen("signature-resubmitted");
        browser.signOut();

        browser.signIn(account, "ENTERPRISE", true);
        openReview(id);
        browser.driver.findElement(By.id("approve")).click();
        browser.awaitText(By.id("decision-outcome"), "You cannot decide on an application of your own account: another reviewer must.");
        browser.show(By.id("decision-outcome"));
        browser.screen("reviewer-self-review-refused");
        browser.signOut();

        reviewerDecides(id, null, "reviewer-before-approval");

        browser.signIn(account, "ENTERPRISE", false);
        browser.go("#/signatures");
        browser.awaitText(By.cssSelector("tbody"), "Approved");
        browser.screen("signatures-approved");
        browser.signOut();
    }

    /** Through the API: the account's signature {@code sign} and a code template approved; the template's id. */
    @Test
    void anApplicantSendsATestSmsCheckedPerKindAndFollowsItToDelivered() throws Exception {
        String account = "sender-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleBrowser.approvedSender(stack, account, "Acme Sender");

        browser.signIn(account, "ENTERPRISE", false);
        browser.go("#/send");
        browser.driver.findElement(By.id("phone")).sendKeys("13800138000");
        WebElement code = browser.driver.findElement(By.id("param-0"));
        code.sendKeys("12");
        assertThat(browser.driver.findElement(By.id("param-0-message")).getText()).isEqualTo(VariableKind.CODE.description());
        code.clear();
        code.sendKeys("424242");
        assertThat(browser.driver.findElement(By.id("param-0-message")).getText()).isEmpty();
        browser.screen("send-test-sms");
        browser.driver.findElement(By.id("send")).click();
        browser.await(By.id("follow")).click();
        browser.awaitPage();
        browser.awaitText(By.id("message-status"), "Delivered");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(Journeys.codeText("Acme Sender", "424242"));
        browser.screen("message-delivered");
        browser.driver.manage().window().setSize(new Dimension(390, 844)); // a phone's width
        try {
            assertThat(browser.widerThanWindow()).as("elements wider than a phone's screen").isEmpty();
            browser.screen("phone-message-delivered");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1200, 900));
        }
        browser.go("#/messages");
        assertThat(browser.driver.findElement(By.tagName("tbody")).getText())
                .contains("+8613800138000", Journeys.codeText("Acme Sender", "424242"), "Delivered");
        browser.screen("messages");
        browser.signOut();
    }

    @Test
    void anApplicantSetsACallbackAfterARefusedOneKeepsAnOptOutListAndSeesTheDayOfItsSendInTheChart() throws Exception {
        String account = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
        String templateId = ConsoleBrowser.approvedSender(stack, account, "Acme Hooks");
        ApiClient.Response sent = Journeys.send(applicant, List.of("+8613800138002"), "Acme Hooks", templateId, "5150");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);

        browser.signIn(account, "ENTERPRISE", false);
        browser.driver.findElement(By.linkText("Statistics")).click();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        By todayRequested = By.cssSelector("#figures tr[data-date='" + today + "'] td");
        browser.wait.until(d -> {
            browser.go("#/statistics");
            return "1".equals(d.findElement(todayRequested).getText());
        });
        assertThat(browser.driver.findElements(By.cssSelector("#chart g[data-date='" + today + "'] rect.bar-requested")))
                .singleElement().satisfies(bar -> assertThat(Double.parseDouble(bar.getAttribute("height"))).isPositive());
        browser.screen("statistics-chart");

        browser.driver.findElement(By.linkText("Callbacks")).click();
        browser.awaitPage();
        String metadata = "http://169.254.169.254/";
        browser.await(By.id("url")).sendKeys(metadata);
        browser.driver.findElement(By.id("save-callback")).click();
        browser.awaitText(By.id("url-message"), callbackRefusal(metadata));
        assertThat(applicant.get("/v1/callbacks").status()).isEqualTo(404);
        WebElement url = browser.driver.findElement(By.id("url"));
        url.clear();
        url.sendKeys("https://hooks.example.com/sms");
        browser.driver.findElement(By.id("event-MESSAGE_STATUS")).click(); // only replies: this send's statuses go nowhere
        browser.driver.findElement(By.id("event-REPLY")).click();
        browser.driver.findElement(By.id("save-callback")).click();
        String secret = browser.await(By.id("callback-secret")).getText();
        assertThat(url.getAttribute("aria-invalid")).isNull();
        browser.driver.findElement(By.id("rotate-secret")).click();
        browser.wait.until(d -> {
            try {
                return !d.findElement(By.id("callback-secret")).getText().equals(secret);
            } catch (StaleElementReferenceException replacedMeanwhile) {
                return false;
            }
        });
        assertThat(applicant.get("/v1/callbacks").json()).containsEntry("url", "https://hooks.example.com/sms")
                .containsEntry("events", List.of("REPLY"));
        assertThat(browser.driver.findElement(By.id("no-failures")).isDisplayed()).isTrue();
        browser.screen("callbacks-settings");

        browser.driver.findElement(By.linkText("Opt-outs")).click();
        browser.awaitPage();
        browser.await(By.id("number")).sendKeys("12");
        browser.driver.findElement(By.id("add-opt-out")).click();
        ApiClient.Response refused = applicant.raw("PUT", "/v1/opt-outs/12", null);
        assertThat(refused.status()).isEqualTo(400);
        browser.awaitText(By.id("number-message"), (String) ApiClient.map(refused.json().get("error")).get("message"));
        WebElement number = browser.driver.findElement(By.id("number"));
        number.clear();
        number.sendKeys("0086 138-0013-8003");
        browser.driver.findElement(By.id("add-opt-out")).click();
        browser.awaitText(By.id("opt-outs"), "+8613800138003");
        assertThat(ApiClient.list(applicant.get("/v1/opt-outs").json().get("optOuts"))).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("phoneNumber", "+8613800138003").containsEntry("source", "API"));
        browser.screen("opt-outs");
        browser.driver.findElement(By.cssSelector("tr[data-number='+8613800138003'] button")).click();
        browser.await(By.id("no-opt-outs"));
        assertThat(ApiClient.list(applicant.get("/v1/opt-outs").json().get("optOuts"))).isEmpty();
        browser.signOut();
    }

    @Test
    void aListLongerThanAPageIsReadAPageAtATimeAndReadAgainFromItsFirstPageAfterAnAddition() throws Exception {
        String account = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
        for (int i = 0; i < 45; i++) {
            ApiClient.Response put = applicant.put("/v1/opt-outs/%2B86138001390" + String.format("%02d", i), Map.of());
            assertThat(put.status()).as(put.body()).isEqualTo(200);
        }
        browser.signIn(account, "ENTERPRISE", false);
        browser.driver.findElement(By.linkText("Opt-outs")).click();
        browser.awaitPage();
        By rows = By.cssSelector("#opt-outs tbody tr");
        browser.wait.until(d -> d.findElements(rows).size() == 20);
        for (int shown : new int[] {40, 45}) {
            browser.driver.findElement(By.id("more")).click();
            browser.wait.until(d -> d.findElements(rows).size() == shown);
        }
        assertThat(browser.driver.findElement(By.id("more")).isDisplayed()).as("no page after the last").isFalse();
        assertThat(numbersShown()).doesNotHaveDuplicates().hasSize(45);

        browser.driver.findElement(By.id("number")).sendKeys("+8613800139099");
        browser.driver.findElement(By.id("add-opt-out")).click();
        browser.wait.until(d -> d.findElements(rows).size() == 20 && d.findElement(By.id("more")).isDisplayed());
        for (int shown : new int[] {40, 46}) {
            browser.driver.findElement(By.id("more")).click();
            browser.wait.until(d -> d.findElements(rows).size() == shown);
        }
        assertThat(numbersShown()).doesNotHaveDuplicates().hasSize(46).contains("+8613800139099");
        browser.signOut();
    }

    private static List<String> numbersShown() {
        return browser.driver.findElements(By.cssSelector("#opt-outs tbody tr")).stream()
                .map(row -> row.getAttribute("data-number")).toList();
    }

    static String callbackRefusal(String url) {
        try {
            new CallbackUrlPolicy(true).check(url);
            throw new AssertionError(url + " was expected to be refused");
        } catch (Failure failure) {
            return failure.getMessage();
        }
    }

    @Test
    void aReviewerWhoseApplicationChangedMeanwhileIsToldSoInWordsAndNothingIsDecided() throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "changer", "ENTERPRISE", false));
        Map<String, Object> body = Map.of("name", "Acme Changer", "type", "COMPANY", "purpose", "SELF_USE",
                "entity", Map.of("name", "Acme Changer Co., Ltd."));
        ApiClient.Response submitted = applicant.post("/v1/signatures", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = (String) ApiClient.map(submitted.json().get("signature")).get("signatureId");
        assertThat(ApiClient.upload(ApiClient.list(submitted.json().get("uploads")).get(0), "application/pdf",
                ConsoleBrowser.pdf("Acme Changer"))).isEqualTo(204);
        applicant.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")), "the manual review");

        browser.signIn("ops-" + UUID.randomUUID().toString().substring(0, 8), "ENTERPRISE", true);
        browser.go("#/reviews/" + id);
        assertThat(applicant.put("/v1/signatures/" + id, Map.of("name", "Acme Changer", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Acme Changer Co., Ltd."), "remark", "New scan")).status())
                .isEqualTo(200);
        browser.driver.findElement(By.id("approve")).click();
        browser.awaitText(By.id("decision-outcome"), "The applicant modified this application after you opened it");
        browser.show(By.id("decision-outcome"));
        browser.screen("reviewer-stale-version");
        browser.signOut();
        assertThat(applicant.get("/v1/signatures/" + id).json().get("status")).isNotEqualTo("APPROVED");
    }

    @Test
    void anApplicantAppliesForATemplateWhoseVariablesFollowTheContentAndIsToldTheApisRuleInWords() throws Exception {
        browser.signIn("tpl-" + UUID.randomUUID().toString().substring(0, 8), "ENTERPRISE", false);
        browser.go("#/templates/new");
        browser.driver.findElement(By.id("name")).sendKeys("Login code");
        WebElement content = browser.driver.findElement(By.id("content"));
        content.sendKeys("Your code is {1} 【Acme】");
        new Select(browser.await(By.id("kind-0"))).selectByValue("CODE");
        browser.driver.findElement(By.id("remark")).sendKeys("Sign-in verification codes for our app");
        browser.driver.findElement(By.id("submit")).click();
        browser.awaitText(By.id("content-message"), "Template content may not contain 【】[]");
        browser.show(By.id("content"));
        browser.screen("template-apply-refused");
        content.clear();
        content.sendKeys(Journeys.CODE_TEMPLATE);
        new Select(browser.await(By.id("kind-0"))).selectByValue("CODE");
        browser.driver.findElement(By.id("submit")).click();
        browser.awaitText(By.id("status"), "In review");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(Journeys.CODE_TEMPLATE, "{1} verification code");
        browser.screen("template-in-review");
        browser.go("#/templates");
        assertThat(browser.driver.findElement(By.linkText("Login code")).isDisplayed()).isTrue();
        browser.signOut();
    }

    /** The first paint is printed for the README, never asserted as a time: timings are measured, not tested. */
    @Test
    void theSignInScreenIsPaintedAndPassesAxe() throws Exception {
        browser.driver.get(stack.baseUrl + "/console/");
        browser.await(By.id("signin"));
        Number paint = (Number) ((JavascriptExecutor) browser.driver).executeScript(
                "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : -1;");
        System.out.printf("console: first contentful paint %.0f ms (headless Chromium, local stack)%n", paint.doubleValue());
        assertThat(paint.doubleValue()).as("the browser recorded a first contentful paint").isGreaterThanOrEqualTo(0.0);
        browser.screen("sign-in");
    }

    @Test
    void theConsoleSpeaksSimplifiedChineseWhenChosenAndSaysSoInTheHtmlLangWithTheRulesInChinese() throws Exception {
        browser.signIn("zh-" + UUID.randomUUID().toString().substring(0, 8), "INDIVIDUAL", false);
        new Select(browser.driver.findElement(By.id("lang"))).selectByValue("zh-CN");
        browser.awaitPage();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("签名");
        browser.driver.findElement(By.linkText("申请签名")).click();
        browser.awaitPage();
        browser.await(By.id("name")).sendKeys("系统通知");
        assertThat(browser.driver.findElement(By.id("name-message")).getText())
                .isEqualTo("“系统通知”无法识别具体的组织或个人，请使用组织、应用、网站或账号的名称");
        // An individual account's form opens on a company signature, which such an account cannot apply for.
        assertThat(browser.driver.findElement(By.id("type-message")).getText()).isEqualTo("个人账号只能为自己的 App、网站或微信账号申请签名。");
        browser.screen("zh-apply-rules-as-you-type");
        new Select(browser.driver.findElement(By.id("type"))).selectByValue("APP");
        assertThat(browser.driver.findElement(By.id("type-message")).getText()).isEmpty();
        assertThat(browser.driver.findElement(By.id("appStoreUrl"))).isNotNull();
        new Select(browser.driver.findElement(By.id("lang"))).selectByValue("en");
        browser.awaitPage();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.signOut();
    }
}
