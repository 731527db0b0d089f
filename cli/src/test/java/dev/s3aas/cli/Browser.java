package dev.s3aas.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, at 1280×800. Both paths are set explicitly so
 * selenium-manager never looks for (or downloads) a browser or a driver. The browser's console is recorded
 * ({@code goog:loggingPrefs} browser ALL) so a test can fail on any SEVERE entry.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;

    /** @param downloads where the browser saves downloads */
    Browser(Path downloads) {
        this.downloads = downloads;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                "--disable-gpu", "--no-first-run", "--disable-extensions");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // Downloads land in a directory of the test's own, without asking, so a test can read them back.
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        // Headless Chromium may ignore the download preferences; DevTools' own switch makes them certain.
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
    }

    /** Waits up to {@code limit} for {@code condition} to return a non-null, non-false value. */
    <T> T await(Duration limit, Function<WebDriver, T> condition) {
        // The instance list is rebuilt every 2 s, so an element found a moment ago may be stale: look again.
        return new WebDriverWait(driver, limit, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The SEVERE entries of the browser console since the last call (reading them drains them). */
    List<String> severe() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    /** With {@code -Dconsole.screenshots=DIR}, saves the page as {@code DIR/name.png}; otherwise does nothing. */
    void screenshot(String name) throws Exception {
        String dir = System.getProperty("console.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path out = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
        Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Sets the window to {@code width}×{@code height} (a phone: 390×844; the default: 1280×800). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** True when the page has no horizontal scroll: nothing is wider than the viewport. */
    boolean fitsWidth() {
        return Boolean.TRUE.equals(driver.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
