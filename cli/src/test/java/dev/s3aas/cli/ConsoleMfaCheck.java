package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The instance page's MFA device section, as an admin sees it: Show fetches the device and its QR code; the
 * {@code <img>} as the browser painted it (a screenshot of the element, not the PNG the API sent) decodes with
 * ZXing to exactly the otpauth URI the API returns, and the serial and URI are on the page for copying.
 */
final class ConsoleMfaCheck {
    private ConsoleMfaCheck() {}

    static void check(Browser browser, ServerProcess server, String instance) throws Exception {
        String admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        ServerProcess.Resp device = server.get("/v1/types/s3/instances/" + instance + "/mfa", admin);
        assertThat(device.status()).as(device.toString()).isEqualTo(200);
        String uri = device.text("otpauth_uri");

        browser.driver.findElement(By.id("mfa-toggle")).click();
        WebElement img = browser.await(Duration.ofSeconds(10), d -> {
            var found = d.findElements(By.id("mfa-qr"));
            return !found.isEmpty() && Boolean.TRUE.equals(browser.driver.executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", found.getFirst()))
                    ? found.getFirst() : null;
        });
        assertThat(img.getDomAttribute("src")).startsWith("blob:");
        assertThat(img.getDomAttribute("alt")).contains("MFA device");
        assertThat(browser.driver.findElement(By.id("mfa-uri")).getText()).isEqualTo(uri);
        assertThat(browser.driver.findElement(By.id("mfa-serial")).getText()).isEqualTo(device.text("serial"));
        assertThat(browser.driver.findElement(By.id("mfa")).getText()).contains("secret");
        browser.screenshot("mfa-device");

        BufferedImage painted = ImageIO.read(new ByteArrayInputStream(img.getScreenshotAs(OutputType.BYTES)));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(painted))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(uri);

        browser.driver.findElement(By.id("mfa-toggle")).click();
        browser.await(Duration.ofSeconds(5), d -> d.findElements(By.id("mfa-qr")).isEmpty());
    }
}
