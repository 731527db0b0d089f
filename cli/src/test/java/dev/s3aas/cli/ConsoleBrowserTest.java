package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 12 item 6: the web console in a real (headless) Chromium against a real {@code s3aas server} with real
 * node processes. Signs in, creates an instance through the form and waits for the page to show it ACTIVE,
 * deletes another one through its Delete button; any SEVERE browser console entry fails the test.
 * Runs with {@code -Pbrowser} (tag "browser"); {@code -Dconsole.screenshots=docs/console} also saves screenshots.
 */
@Tag("browser")
class ConsoleBrowserTest {
    private static final Duration ACTIVE = Duration.ofSeconds(120);

    @TempDir
    Path work;
    ServerProcess server;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        server = new ServerProcess(Files.createDirectories(work.resolve("cp")));
        server.start();
        browser = new Browser();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void signInCreateAnInstanceSeeItActiveAndDeleteOne() throws Exception {
        browser.driver.get("http://127.0.0.1:" + server.apiPort + "/console/");
        browser.await(Duration.ofSeconds(20), ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.screenshot("sign-in");
        browser.driver.findElement(By.id("username")).sendKeys("admin");
        browser.driver.findElement(By.id("password")).sendKeys(ServerProcess.ADMIN_PASSWORD);
        browser.driver.findElement(By.cssSelector("form[aria-label='Sign in'] button[type=submit]")).click();
        browser.await(Duration.ofSeconds(30), ExpectedConditions.visibilityOfElementLocated(By.id("create-instance")));
        assertThat(browser.driver.findElement(By.id("signout")).isDisplayed()).isTrue();

        create("web-keep");
        create("web-gone");
        waitForStatus("web-keep", "ACTIVE");
        waitForStatus("web-gone", "ACTIVE");
        assertThat(browser.<String>await(Duration.ofSeconds(5), d -> cell("web-keep", 5).getText()))
                .as("endpoint shown").startsWith("http://127.0.0.1:");
        browser.screenshot("instances");

        browser.await(Duration.ofSeconds(5), d -> {
            row("web-gone").findElement(By.xpath(".//button[text()='Delete']")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(5), ExpectedConditions.alertIsPresent()).accept();
        browser.await(ACTIVE, d -> rowOrNull("web-gone") == null);
        Eventually.poll(server, server.login("admin", ServerProcess.ADMIN_PASSWORD),
                "/v1/types/s3/instances/web-gone", r -> r.status() == 404, ACTIVE);
        assertThat(browser.<String>await(Duration.ofSeconds(5), d -> cell("web-keep", 2).getText())).isEqualTo("ACTIVE");
        assertThat(browser.driver.findElement(By.id("error")).getText()).isEmpty();

        browser.driver.findElement(By.id("signout")).click();
        browser.await(Duration.ofSeconds(10), ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.severe()).as("SEVERE browser console entries").isEmpty();
    }

    private void create(String name) {
        WebElement field = browser.driver.findElement(By.id("f-name"));
        field.clear();
        field.sendKeys(name);
        browser.driver.findElement(By.cssSelector("#create-instance button[type=submit]")).click();
        browser.await(Duration.ofSeconds(30), d -> rowOrNull(name) != null);
    }

    private void waitForStatus(String name, String status) {
        browser.await(ACTIVE, d -> {
            WebElement row = rowOrNull(name);
            return row != null && status.equals(row.findElements(By.tagName("td")).get(1).getText());
        });
    }

    private WebElement cell(String name, int column) {
        return row(name).findElement(By.xpath("./td[" + column + "]"));
    }

    private WebElement row(String name) {
        return browser.driver.findElement(By.xpath("//tbody/tr[td[1][text()='" + name + "']]"));
    }

    private WebElement rowOrNull(String name) {
        List<WebElement> rows = browser.driver.findElements(By.xpath("//tbody/tr[td[1][text()='" + name + "']]"));
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
