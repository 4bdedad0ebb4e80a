package com.twelvestreet.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium (Debian's, driven through Debian's chromedriver: nothing is
 * downloaded), with one profile per instance so each shopper has their own cookies and storage.
 * Every {@link #screenshot} lands in {@code target/e2e-screenshots/}, numbered in step order.
 */
final class ShopBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/e2e-screenshots");

    private static int step;

    final ChromeDriver driver;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    ShopBrowser() {
        try {
            profile = Files.createTempDirectory("twelvestreet-chromium");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the closed network refuses Chromium's own background connections: switch them off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : Logins.SHOP + path);
    }

    WebElement waitFor(By element) {
        return waitFor(element, Duration.ofSeconds(20));
    }

    WebElement waitFor(By element, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    void waitForText(By element, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(Logins.SHOP + path));
    }

    void click(By element) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    void type(By field, String text) {
        WebElement input = waitFor(field);
        input.clear();
        input.sendKeys(text);
    }

    /** True when the page fits the window's width (nothing to scroll sideways). */
    boolean fitsTheWidth() {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    String text(By element) {
        return waitFor(element).getText();
    }

    List<WebElement> all(By elements) {
        return driver.findElements(elements);
    }

    /** Clicks "Log in" (or follows a page that sends to the login), then logs in on the oauth page. */
    void logInOnTheLoginPage(String email, String password) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(Logins.ISSUER + "/login"));
        type(By.id("username"), email);
        type(By.id("password"), password);
        click(By.cssSelector("button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(Logins.SHOP));
    }

    /** Calls the API from the page, as its own scripts do (session cookie and CSRF header), and answers the status. */
    long fetchStatus(String method, String path, String jsonBody) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
                const [method, path, body, done] = arguments;
                const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='))?.substring(11);
                fetch(path, { method, body, credentials: 'same-origin', headers: { 'Content-Type': 'application/json',
                    'Accept': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token ?? '') } })
                  .then(r => done(r.status), () => done(-1));
                """, method, path, jsonBody);
        return (Long) status;
    }

    /** Saves what the shopper sees now, once the page's pictures have loaded (or after 5 s). */
    void screenshot(String name) {
        new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(RuntimeException.class).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return Array.from(document.images).every(image => image.complete)"));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++step, name));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
