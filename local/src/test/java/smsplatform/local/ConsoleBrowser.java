package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import smsplatform.json.Json;

/**
 * One headless Chromium (Debian's chromium and chromium-driver, paths given, so Selenium Manager never runs) on the
 * console of a running stack, with the steps the browser journeys share: sign in on the development page, check
 * the screen with axe-core, save a screenshot for the README.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Where the screenshots go: {@code local/target/screenshots}, so that running the tests leaves the clone as it
     * was; {@code -Dconsole.screenshots=docs} refreshes the README's, in {@code docs/screenshots}.
     */
    static final Path SCREENSHOTS = "docs".equals(System.getProperty("console.screenshots"))
            ? RunningStack.PROJECT.resolve("docs/screenshots") : RunningStack.PROJECT.resolve("local/target/screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String base;
    private final String axe;

    ConsoleBrowser(String base, String language) throws IOException {
        this.base = base;
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // Running as root needs --no-sandbox; one size for every screenshot.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("console-tests/axe.min.js")) {
            this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Opens the console, signs in on the development sign-in page, and waits for the signed-in console. */
    void signIn(String account, String type, boolean reviewer) {
        signIn(account, type, reviewer, null);
    }

    /** The same, after choosing {@code language} (a value of the console's language menu) on the console. */
    void signIn(String account, String type, boolean reviewer, String language) {
        driver.get(base + "/console/");
        WebElement signIn = wait.until(ExpectedConditions.elementToBeClickable(By.id("signin")));
        if (language != null) {
            new Select(driver.findElement(By.id("lang"))).selectByValue(language);
            signIn = wait.until(ExpectedConditions.elementToBeClickable(By.id("signin")));
        }
        signIn.click();
        WebElement accountField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account")));
        accountField.clear();
        accountField.sendKeys(account);
        new Select(driver.findElement(By.id("type"))).selectByValue(type);
        if (reviewer) {
            driver.findElement(By.id("reviewer")).click();
        }
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signout")));
        awaitPage();
    }

    /** Waits until the console shows a page (it marks main busy while one loads). */
    void awaitPage() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main:not([aria-busy]) h1")));
    }

    void signOut() {
        driver.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("signin")));
    }

    /** Goes to a console route (again) without reloading the page (the tokens live in the page's memory). */
    void go(String hash) {
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('main').setAttribute('aria-busy', 'true');"
                + "if (location.hash === arguments[0]) window.dispatchEvent(new HashChangeEvent('hashchange'));"
                + "else location.hash = arguments[0];", hash);
        awaitPage();
    }

    WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Presses keys on whatever has the focus, as a keyboard does. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Selects all of the focused field's text and types {@code text} over it. */
    void typeOver(String text) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.BACK_SPACE).sendKeys(text).perform();
    }

    /** The focused element as a short description: tag, id, text (for assertion messages). */
    String focused() {
        return (String) ((JavascriptExecutor) driver).executeScript("const e = document.activeElement;"
                + "return e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 40);");
    }

    /**
     * Presses Tab (or Shift+Tab) until the focused element matches {@code css}, asserting that every element the focus
     * passes shows a focus style (an outline or a shadow).
     */
    void tabTo(String css, boolean backwards) {
        for (int i = 0; i < 400; i++) {
            Actions key = new Actions(driver);
            (backwards ? key.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT) : key.sendKeys(Keys.TAB)).perform();
            List<?> at = (List<?>) ((JavascriptExecutor) driver).executeScript("const e = document.activeElement;"
                    + "const s = getComputedStyle(e);"
                    + "const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';"
                    + "return [e.matches(arguments[0]), e !== document.body && ring];", css);
            assertThat(at.get(1)).as("a visible focus on " + focused()).isEqualTo(true);
            if (Boolean.TRUE.equals(at.get(0))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    void tabTo(String css) {
        tabTo(css, false);
    }

    /** Asserts that the focus is on the page's heading, where a page the keyboard opened starts. */
    void assertFocusOnHeading(String heading) {
        wait.until(d -> focused().startsWith("H1 "));
        assertThat(focused()).isEqualTo("H1 " + heading);
        assertThat(((JavascriptExecutor) driver).executeScript("return document.activeElement.matches(':focus-visible')"
                + " && getComputedStyle(document.activeElement).outlineStyle !== 'none'")).as("the heading shows its focus").isEqualTo(true);
    }

    /** Elements that reach beyond the window's right edge, and whether the page scrolls sideways (none, and no). */
    List<?> widerThanWindow() {
        return (List<?>) ((JavascriptExecutor) driver).executeScript("const out = [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                + ".map(e => e.tagName + '.' + e.className + '#' + e.id);"
                + "if (document.documentElement.scrollWidth > innerWidth) out.push('scrollWidth ' + document.documentElement.scrollWidth);"
                + "return out;");
    }

    /** An account with an approved signature {@code sign} and an approved verification-code template (its id). */
    static String approvedSender(RunningStack stack, String account, String sign) throws Exception {
        ApiClient applicant = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, account, "ENTERPRISE", false));
        ApiClient reviewer = new ApiClient(stack.baseUrl, Tokens.mint(stack.dataDir, "ops-" + account, "ENTERPRISE", true));
        return Journeys.approveSender(applicant, reviewer, sign, sign + " Co., Ltd.");
    }

    /** Scrolls the element into the middle of the window, for the screenshot. */
    void show(By by) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(by));
    }

    /** axe-core's violations of impact serious or critical on the screen as it is now (none expected). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> seriousViolations() throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html)})))),"
                + " e => done(JSON.stringify([{id: 'axe-error', help: String(e)}])));");
        return (List<Map<String, Object>>) (Object) Json.parse(result);
    }

    /** Checks the screen with axe-core and saves it as {name}.png in {@link #SCREENSHOTS}. */
    void screen(String name) throws IOException {
        awaitPage();
        assertThat(seriousViolations()).as("axe-core, serious or critical, on " + name).isEmpty();
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** A one-page PDF that pdf.js can draw: a dark band and a line of text (Helvetica). */
    static byte[] pdf(String line) {
        String content = "0.1 0.2 0.5 rg 40 700 520 60 re f BT /F1 24 Tf 0 0 0 rg 40 640 Td (" + line + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder xref = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        out.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < objects.size(); i++) {
            xref.append(String.format("%010d 00000 n \n", out.size()));
            out.writeBytes(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.US_ASCII));
        }
        int start = out.size();
        out.writeBytes((xref + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + start
                + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
