package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import smsplatform.json.Json;

/**
 * The console's remaining journeys (DESIGN §13) in a real browser on the shared stack: a signature applied for,
 * uploaded and approved with the keyboard alone; a PDF dropped on the checklist; the replies and the webhook's
 * removal in English and Chinese; the newest pages in Chinese at a phone's width; the development sign-in page in
 * Chinese. axe-core checks every screen.
 */
@ResourceLock(SharedStack.APPLICATIONS)
class ConsoleKeyboardAndChineseBrowserTest {

    static RunningStack stack;
    static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.of(ConsoleKeyboardAndChineseBrowserTest.class);
        browser = new ConsoleBrowser(stack.baseUrl, "en");
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** From the signed-out console to the signed-in one with keys only: Tab, typing, Space and Enter. */
    private static void signInWithKeys(String account, boolean reviewer) {
        browser.tabTo("#signin");
        browser.press(Keys.ENTER);
        browser.await(By.id("account"));
        browser.tabTo("#account");
        browser.typeOver(account);
        browser.tabTo("#type");
        browser.press("ENTERPRISE"); // a focused select picks the option its typed text begins
        if (reviewer) {
            browser.tabTo("#reviewer");
            browser.press(Keys.SPACE);
        }
        browser.tabTo("button[type=submit]");
        browser.press(Keys.ENTER);
        browser.await(By.id("signout"));
        browser.awaitPage();
    }

    private static void signOutWithKeys() {
        browser.tabTo("#signout", true);
        browser.press(Keys.ENTER);
        browser.await(By.id("signin"));
        browser.assertFocusOnHeading("SMS console");
    }

    @Test
    void anApplicantAppliesAndUploadsAndAReviewerApprovesWithTheKeyboardAloneTheFocusVisibleAndAtEachPagesHeading(
            @TempDir Path dir) throws Exception {
        Path pdf = Files.write(dir.resolve("licence.pdf"), ConsoleBrowser.pdf("Business licence of Acme Keys Co., Ltd."));
        String account = unique("keys");
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
        browser.driver.get(stack.baseUrl + "/console/");
        browser.await(By.id("signin"));
        signInWithKeys(account, false);
        browser.assertFocusOnHeading("Signatures");
        browser.tabTo("a[href='#/signatures/new']");
        browser.press(Keys.ENTER);
        browser.awaitPage();
        browser.assertFocusOnHeading("Apply for a signature");
        browser.tabTo("#name");
        browser.press("Acme Keys");
        browser.tabTo("#entityName");
        browser.press("Acme Keys Co., Ltd.");
        browser.tabTo("#submit");
        browser.press(Keys.ENTER);
        browser.awaitText(By.id("status"), "Awaiting documents");
        browser.assertFocusOnHeading("Signature Acme Keys");
        String id = browser.driver.getCurrentUrl().substring(browser.driver.getCurrentUrl().indexOf("#/signatures/") + 13);

        // A file input opens the system's file chooser on Space; WebDriver types the path into the focused input instead.
        browser.tabTo("#file-0");
        browser.driver.switchTo().activeElement().sendKeys(pdf.toString());
        browser.awaitText(By.id("status"), "In review");
        browser.assertFocusOnHeading("Signature Acme Keys");
        browser.screen("keyboard-in-review");
        signOutWithKeys();

        applicant.await("/v1/signatures/" + id, s -> "MANUAL".equals(s.get("reviewStage")), "the manual review");
        signInWithKeys(unique("ops"), true);
        browser.tabTo("a[href='#/reviews']", true);
        browser.press(Keys.ENTER);
        browser.awaitPage();
        browser.assertFocusOnHeading("Review queue");
        String open = "a[href='#/reviews/" + id + "']";
        while (browser.driver.findElements(By.cssSelector(open)).isEmpty()) { // a long queue on a busy stack: page on
            int rows = browser.driver.findElements(By.cssSelector("main tbody tr")).size();
            browser.tabTo("#more");
            browser.press(Keys.ENTER);
            browser.wait.until(d -> d.findElements(By.cssSelector("main tbody tr")).size() > rows);
        }
        browser.tabTo(open, browser.focused().startsWith("BUTTON#more"));
        browser.press(Keys.ENTER);
        browser.awaitPage();
        browser.assertFocusOnHeading("Review Acme Keys");
        browser.tabTo("#approve");
        browser.screen("keyboard-review");
        browser.press(Keys.SPACE);
        browser.awaitText(By.id("decision-outcome"), "Decision applied");
        assertThat(applicant.await("/v1/signatures/" + id, s -> "APPROVED".equals(s.get("status")), "the approval"))
                .containsEntry("name", "Acme Keys");
        signOutWithKeys();
    }

    /** The drop is a synthetic DragEvent carrying a File of the PDF's bytes: WebDriver cannot drag a file from the desktop. */
    @Test
    void anApplicantDropsThePdfOnTheChecklistAndSeesItInReview() throws Exception {
        String account = unique("drop");
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
        ApiClient.Response created = applicant.post("/v1/signatures", Map.of("name", "Acme Drop", "type", "COMPANY",
                "purpose", "SELF_USE", "entity", Map.of("name", "Acme Drop Co., Ltd.")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = (String) ApiClient.map(created.json().get("signature")).get("signatureId");
        byte[] bytes = ConsoleBrowser.pdf("Business licence of Acme Drop Co., Ltd.");

        browser.signIn(account, "ENTERPRISE", false);
        browser.go("#/signatures/" + id);
        Object over = ((JavascriptExecutor) browser.driver).executeScript("const zone = document.querySelector('.dropzone');"
                + "const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
                + "const data = new DataTransfer(); data.items.add(new File([bytes], 'licence.pdf', {type: 'application/pdf'}));"
                + "const fire = type => zone.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));"
                + "fire('dragenter'); fire('dragover'); const shown = zone.classList.contains('over'); fire('drop');"
                + "return shown;", Base64.getEncoder().encodeToString(bytes));
        assertThat(over).as("the drop zone is highlighted while a file is over it").isEqualTo(true);
        browser.awaitText(By.id("status"), "In review");
        browser.screen("signature-dropped-in-review");
        Map<String, Object> signature = applicant.get("/v1/signatures/" + id).json();
        assertThat(signature.get("status")).isEqualTo("IN_REVIEW");
        assertThat(ApiClient.list(signature.get("documents"))).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("kind", "BUSINESS_LICENSE").containsEntry("contentType", "application/pdf")
                .containsEntry("size", bytes.length).containsEntry("status", "VALID"));
        browser.signOut();
    }

    /** Checks the page in Chinese at a phone's width: its heading, the html lang, no sideways scrolling, axe. */
    private static void chineseOnAPhone(String hash, String heading, String screen) throws Exception {
        browser.go(hash);
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
        assertThat(browser.widerThanWindow()).as("wider than a phone's screen on " + hash).isEmpty();
        browser.screen(screen);
    }

    @Test
    void anApplicantReadsItsRepliesKeepsItsWebhookOnCancelInEnglishRemovesItInChineseAndTheNewestPagesFitAPhoneInChinese()
            throws Exception {
        String account = unique("zh");
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
        String templateId = ConsoleBrowser.approvedSender(stack, account, "Acme Phone");
        String number = "+86139" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
        RepliesEndToEndTest.sentAndAccepted(applicant, List.of(number), "Acme Phone", templateId, "6060");
        ApiClient.Response replied = new ApiClient(stack.baseUrl, null).raw("POST", "/local/handsets/%2B" + number.substring(1)
                + "/replies", Json.write(Map.of("text", "ＴＤ")), "Content-Type", "application/json");
        assertThat(replied.status()).as(replied.body()).isEqualTo(202);
        String serialNo = (String) RepliesEndToEndTest.awaitReplies(applicant, number, 1).get(0).get("serialNo");
        assertThat(applicant.put("/v1/callbacks", Map.of("url", "https://hooks.example.com/phone", "events",
                List.of("MESSAGE_STATUS"))).status()).isEqualTo(200);

        browser.signIn(account, "ENTERPRISE", false);
        browser.go("#/replies");
        assertThat(browser.driver.findElement(By.id("replies")).getText())
                .contains(number, "ＴＤ", "Opt-out: number added to the opt-outs", serialNo);
        browser.screen("replies");
        browser.go("#/callbacks");
        browser.await(By.id("remove-callback")).click();
        assertThat(browser.await(By.cssSelector("#remove-callback-yes")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Remove this webhook?");
        browser.screen("callbacks-remove-confirm");
        browser.driver.findElement(By.id("remove-callback-no")).click();
        assertThat(applicant.get("/v1/callbacks").status()).as("cancelled: the webhook stays").isEqualTo(200);
        browser.signOut();

        browser.signIn(account, "ENTERPRISE", false, "zh-CN");
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            chineseOnAPhone("#/replies", "手机上行回复", "zh-phone-replies");
            assertThat(browser.driver.findElement(By.id("replies")).getText()).contains(number, "退订：号码已加入退订名单");
            chineseOnAPhone("#/opt-outs", "退订名单", "zh-phone-opt-outs");
            assertThat(browser.driver.findElement(By.id("opt-outs")).getText()).contains(number, "回复了退订关键词");
            chineseOnAPhone("#/statistics", "每日统计", "zh-phone-statistics");
            assertThat(browser.driver.findElement(By.id("figures")).getText()).contains("请求", "已送达");
            chineseOnAPhone("#/callbacks", "回调（签名的 Webhook）", "zh-phone-callbacks");
            assertThat(browser.driver.findElement(By.id("callback-state")).getText()).startsWith("你的 Webhook，最后修改于");
            browser.driver.findElement(By.id("remove-callback")).click();
            assertThat(browser.await(By.id("remove-callback-yes")).getText()).isEqualTo("确定删除");
            assertThat(browser.widerThanWindow()).as("the confirmation on a phone").isEmpty();
            browser.screen("zh-phone-callbacks-remove-confirm");
            browser.driver.findElement(By.id("remove-callback-yes")).click();
            browser.awaitText(By.id("callback-state"), "尚未设置 Webhook：事件不会发送到任何地方。");
            assertThat(browser.driver.findElements(By.id("remove-callback"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
            assertThat(applicant.get("/v1/callbacks").status()).as("the webhook is gone").isEqualTo(404);
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1200, 900));
        }
        new Select(browser.driver.findElement(By.id("lang"))).selectByValue("en");
        browser.awaitPage();
        browser.signOut();
    }

    @Test
    void theDevelopmentSignInPageSpeaksChineseWhenTheConsoleDoesAndTheConsoleComesBackInChinese() throws Exception {
        browser.driver.get(stack.baseUrl + "/console/");
        browser.await(By.id("signin"));
        new Select(browser.driver.findElement(By.id("lang"))).selectByValue("zh-CN");
        browser.wait.until(d -> d.findElement(By.id("signin")).getText().equals("登录"));
        browser.driver.findElement(By.id("signin")).click();
        browser.await(By.id("account"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("sms-local 开发用登录");
        assertThat(browser.driver.findElement(By.cssSelector("label[for=account]")).getText()).isEqualTo("账号");
        assertThat(browser.driver.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("登录");
        browser.screen("zh-local-sign-in");
        browser.driver.findElement(By.id("account")).clear();
        browser.driver.findElement(By.id("account")).sendKeys(unique("zh"));
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(By.id("signout"));
        browser.awaitPage();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("签名");
        new Select(browser.driver.findElement(By.id("lang"))).selectByValue("en");
        browser.awaitPage();
        browser.signOut();
    }
}
