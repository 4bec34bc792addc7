package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import smsplatform.domain.Failure;
import smsplatform.domain.ReasonCode;
import smsplatform.domain.SignatureNameRules;

/**
 * The console in a real browser on the shared stack (DESIGN §13): an applicant applies and uploads a PDF, a reviewer
 * previews it and rejects it, the applicant reads the reason, modifies and resubmits, the reviewer approves. Every
 * screen passes axe-core without a serious or critical violation, and is saved for the README.
 */
@Execution(ExecutionMode.SAME_THREAD)
class ConsoleJourneyBrowserTest {

    static RunningStack stack;
    static ConsoleBrowser browser;
    static Path pdf;

    @BeforeAll
    static void start() throws Exception {
        assertThat(ConsoleBrowser.CHROMIUM).as("Debian's chromium (.ci/run installs it)").exists();
        assertThat(ConsoleBrowser.CHROMEDRIVER).as("Debian's chromium-driver (.ci/run installs it)").exists();
        stack = SharedStack.get();
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

    private static void awaitInQueue(String name) {
        browser.wait.until(d -> {
            browser.go("#/reviews?kind=signature&t=" + System.nanoTime());
            return !d.findElements(By.linkText(name)).isEmpty();
        });
    }

    private static void reviewerDecides(String name, String reason, String screen) throws Exception {
        browser.signIn("ops-" + UUID.randomUUID().toString().substring(0, 8), "ENTERPRISE", true);
        awaitInQueue(name);
        browser.screen("reviewer-queue");
        browser.driver.findElement(By.linkText(name)).click();
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

        uploadAndAwaitReview();
        browser.screen("signature-in-review");
        browser.signOut();

        reviewerDecides(signature, "DOCUMENT_UNREADABLE", "reviewer-pdf-preview");

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

        reviewerDecides(signature, null, "reviewer-before-approval");

        browser.signIn(account, "ENTERPRISE", false);
        browser.go("#/signatures");
        browser.awaitText(By.cssSelector("tbody"), "Approved");
        browser.screen("signatures-approved");
    }
}
