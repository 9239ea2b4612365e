package cn.zhifa.academy.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with both paths given explicitly (Selenium
 * Manager's own download does not work here). Register it with {@code @RegisterExtension}: it
 * saves a screenshot and the page source under target/screenshots when a test fails, and
 * closes the browser after every test.
 */
public class Browser implements AfterEachCallback {

    /**
     * A wait that polls through the page changing under it. During a post/redirect/get Chrome may
     * answer a lookup of the old page's element with "Node with given id does not belong to the
     * document", a plain WebDriverException rather than a stale element, which a plain wait does not
     * ignore: it failed RosterImportJourneyTest and ReviewJourneyTest in full runs. If the wait
     * times out, the last exception is its cause.
     */
    public static WebDriverWait waitFor(WebDriver d, Duration timeout) {
        WebDriverWait w = new WebDriverWait(d, timeout);
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class, org.openqa.selenium.WebDriverException.class);
        return w;
    }

    public static final String CHROMIUM = System.getProperty("browser.binary", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("browser.driver", "/usr/bin/chromedriver");

    private WebDriver driver;

    /** A phone-sized browser (360 px wide): the layout must work there. */
    public WebDriver open() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Chromium not found at " + CHROMIUM + " / " + CHROMEDRIVER
                    + ": install Debian's chromium and chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(360, 780));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Saves a screenshot of the current page as target/screenshots/{name}.png, to look at (not compared). */
    public void shot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Logs in on the login page with the given account. */
    public void login(String root, String username, String password) {
        driver.get(root + "login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        org.openqa.selenium.WebElement submit = driver.findElement(org.openqa.selenium.By.id("login-submit"));
        submit.click();
        // the click returns before the form's post and redirect are done; a test's next get() could
        // otherwise be overtaken by the redirect (a full run ended on the home page instead of
        // /learn). The login page has gone when its button is detached (Chrome may say so with a
        // plain WebDriverException), and the next page is loaded when the document is complete.
        waitFor(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                submit.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return document.readyState"));
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                Path dir = Files.createDirectories(Path.of("target/screenshots"));
                String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
            }
        } finally {
            driver.quit();
            driver = null;
        }
    }
}
