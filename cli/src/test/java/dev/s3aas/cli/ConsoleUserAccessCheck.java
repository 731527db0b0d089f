package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the page's buttons do to the key the SDK holds (user alice, policy rw-data on web-data, opened in the user
 * panel): Disable the user and its key is refused (403) once the node has it, Enable and it works again; Detach
 * the policy and the key's access is denied, attach it again and it works. And Download of upload.bin through the
 * object browser saves the same bytes (Chrome's download directory, set by {@link Browser}).
 */
final class ConsoleUserAccessCheck {
    private static final Duration NODE = Duration.ofSeconds(60);

    private ConsoleUserAccessCheck() {}

    static void check(Browser browser, S3Client s3, Path downloads, byte[] uploaded) throws Exception {
        downloadThroughThePage(browser, downloads, uploaded);

        userButton(browser, "Disable").click();
        browser.await(Duration.ofSeconds(20), d -> userStatus(browser).equals("DISABLED"));
        Eventually.holds(NODE, () -> assertThatThrownBy(() -> put(s3))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403)));
        userButton(browser, "Enable").click();
        browser.await(Duration.ofSeconds(20), d -> userStatus(browser).equals("ACTIVE"));
        Eventually.holds(NODE, () -> put(s3));

        browser.await(Duration.ofSeconds(10), d -> {
            d.findElement(By.xpath("//*[@id='user-detail']//tr[td[1][text()='rw-data']]//button[text()='Detach']"))
                    .click();
            return true;
        });
        browser.await(Duration.ofSeconds(20), d -> !d.findElement(By.id("user-detail")).getText().contains("Detach"));
        Eventually.holds(NODE, () -> assertThatThrownBy(() -> put(s3))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403)));
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("attach-policy"))).selectByValue("rw-data");
        browser.driver.findElement(By.cssSelector("#attach button[type=submit]")).click();
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.id("user-detail")).getText().contains("Detach"));
        Eventually.holds(NODE, () -> put(s3));
    }

    private static void downloadThroughThePage(Browser browser, Path downloads, byte[] uploaded) throws Exception {
        browser.await(Duration.ofSeconds(10), d -> {
            d.findElement(By.xpath("//section[@id='objects']//tbody/tr[td[1][text()='upload.bin']]//button[text()='Download']"))
                    .click();
            return true;
        });
        Path file = downloads.resolve("upload.bin");
        browser.await(Duration.ofSeconds(30), d -> {
            try {
                return Files.exists(file) && Files.size(file) == uploaded.length;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(Files.readAllBytes(file)).isEqualTo(uploaded);
    }

    private static void put(S3Client s3) {
        s3.putObject(b -> b.bucket("web-data").key("access-check"), RequestBody.fromString("checked"));
    }

    private static WebElement userButton(Browser browser, String label) {
        return browser.await(Duration.ofSeconds(10), d -> d.findElement(
                By.xpath("//section[@id='users']//tr[td[1][text()='alice']]//button[text()='" + label + "']")));
    }

    private static String userStatus(Browser browser) {
        return browser.driver.findElement(By.xpath("//section[@id='users']//tr[td[1][text()='alice']]/td[2]")).getText();
    }
}
