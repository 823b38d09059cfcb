package vn.doithoai.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.doithoai.support.TestPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One screen in its own headless Debian Chromium (own profile, so phones are different attendees),
 * driven through Debian's chromedriver. Nothing is downloaded. Elements are found by {@code data-test}.
 */
final class Screen implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger SHOT_NUMBER = new AtomicInteger();

    static {
        TestPostgres.deleteRecursively(SHOTS); // only this run's pictures
    }

    final String name;
    final ChromeDriver driver;
    /** This browser's Date.now() runs this many ms ahead of the real clock (clock test). */
    final long skewMs;
    private final Path profile;

    private Screen(String name, ChromeDriver driver, long skewMs, Path profile) {
        this.name = name;
        this.driver = driver;
        this.skewMs = skewMs;
        this.profile = profile;
    }

    static void assumeBrowserInstalled() {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Debian's chromium and chromium-driver are not installed (bin/test installs them): browser tests skipped");
    }

    static Screen open(String name, int width, int height, long skewMs) {
        return open(name, width, height, skewMs, "vi");
    }

    /** With the browser's own language set to {@code lang}, e.g. "en-US": a phone kept in English, dates a page may not lean on. */
    static Screen open(String name, int width, int height, long skewMs, String lang) {
        assumeBrowserInstalled();
        try {
            Path profile = Files.createTempDirectory("doithoai-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=" + lang,
                    "--accept-lang=" + lang);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // The exact viewport (a window has browser chrome, and cannot be narrower than 500 px).
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            if (skewMs != 0) {
                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                        "(() => { const real = Date.now; Date.now = () => real() + (" + skewMs + "); })();"));
            }
            return new Screen(name, driver, skewMs, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static By test(String id) {
        return By.cssSelector("[data-test='" + id + "']");
    }

    Screen go(String url) {
        driver.get(url);
        return this;
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement await(String testId) {
        return await(test(testId));
    }

    void until(String what, Supplier<Boolean> condition) {
        until(what, condition, Duration.ofSeconds(15));
    }

    void until(String what, Supplier<Boolean> condition, Duration timeout) {
        new WebDriverWait(driver, timeout).withMessage(() -> name + ": " + what).until(d -> {
            try {
                return condition.get();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Waits until the element's text contains the given text. */
    WebElement awaitText(String testId, String text) {
        until(testId + " shows '" + text + "'", () -> driver.findElements(test(testId)).stream().anyMatch(e -> e.getText().contains(text)));
        return driver.findElements(test(testId)).stream().filter(e -> e.getText().contains(text)).findFirst().orElseThrow();
    }

    void click(String testId) {
        await(testId).click();
    }

    /** Clicks and accepts the confirm() the click opens. */
    void clickAndConfirm(String testId) {
        click(testId);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
    }

    void fill(WebElement form, Map<String, String> values) {
        values.forEach((field, value) -> {
            WebElement input = form.findElement(By.name(field));
            input.clear();
            input.sendKeys(value);
        });
    }

    /** Signs in on a staff page's form (organiser, accounts) with a named account's login and password. */
    Screen signIn(String login, String password) {
        fill(await("sign-in"), Map.of("login", login, "password", password));
        click("sign-in-submit");
        return this;
    }

    String text(String testId) {
        return await(testId).getText();
    }

    List<WebElement> all(String testId) {
        return driver.findElements(test(testId));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Whether the page's socket is welcomed and no banner says otherwise. */
    boolean online() {
        return driver.findElements(test("connection")).isEmpty()
                && Boolean.TRUE.equals(js("return !!document.querySelector('#app') && document.querySelector('#app').children.length > 0"));
    }

    void shot(String moment) {
        shotAs(String.format("%02d-%s-%s.png", SHOT_NUMBER.incrementAndGet(), name, moment));
    }

    /** A screenshot under a name of its own, for a picture people look for by name (e.g. door-360.png). */
    void shotAs(String fileName) {
        try {
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve(fileName), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TestPostgres.deleteRecursively(profile);
        }
    }
}
