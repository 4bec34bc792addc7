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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
        driver.get(base + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("signin"))).click();
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
