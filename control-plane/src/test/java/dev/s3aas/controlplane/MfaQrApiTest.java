package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET …/instances/{instance}/mfa/qr}: a real server over real HTTP answers a PNG that ZXing's decoder
 * reads back as exactly the device's otpauth URI of {@code GET …/mfa}; the same roles may read it (a viewer
 * gets 403, another project's owner 404), and it is never cached.
 */
class MfaQrApiTest {
    private static final String BASE = "/v1/types/s3/instances";

    @TempDir
    static Path dir;

    static Fixture f;
    static String owner;
    static String operator;
    static String viewer;
    static String outsider;
    static String instance;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
        String project = f.newProject("qr-project");
        owner = f.userWithRole("qr-owner", project, "owner");
        operator = f.userWithRole("qr-operator", project, "operator");
        viewer = f.userWithRole("qr-viewer", project, "viewer");
        outsider = f.userWithRole("qr-outsider", f.newProject("qr-other"), "owner");
        instance = f.activeInstance(owner, "qr-inst");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void thePngDecodesToTheDevicesOtpauthUri() throws Exception {
        String uri = f.http.get(BASE + "/" + instance + "/mfa", owner).text("otpauth_uri");
        assertThat(uri).startsWith("otpauth://totp/");
        for (String token : new String[] {owner, operator}) {
            HttpResponse<byte[]> png = qr(token);
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(png.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(png.headers().firstValueAsLong("Content-Length")).hasValue(png.body().length);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(image.getWidth()).isEqualTo(image.getHeight()).isGreaterThan(100);
            assertThat(decode(image).getText()).isEqualTo(uri);
        }
    }

    @Test
    void theQuietZoneIsFourModulesOfWhite() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr(owner).body()));
        int quiet = 4 * 6; // 4 modules of 6 pixels
        for (int i = 0; i < image.getWidth(); i++) {
            for (int d = 0; d < quiet; d++) {
                assertThat(image.getRGB(i, d) & 0xFFFFFF).as("top row %d col %d", d, i).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(d, i) & 0xFFFFFF).as("left col %d row %d", d, i).isEqualTo(0xFFFFFF);
            }
        }
        // the finder pattern's corner starts right after the quiet zone
        assertThat(image.getRGB(quiet, quiet) & 0xFFFFFF).isZero();
    }

    @Test
    void viewersAndOutsidersGetNoImage() throws Exception {
        HttpResponse<byte[]> denied = qr(viewer);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(qr(outsider).statusCode()).isEqualTo(404);
        assertThat(qr(null).statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentSaysPng() {
        Http.Resp doc = f.http.get("/v1/openapi.json", null);
        assertThat(doc.body().path("paths").path(BASE + "/{instance}/mfa/qr").path("get").path("responses")
                .path("200").path("content").has("image/png")).as(doc.raw()).isTrue();
    }

    private HttpResponse<byte[]> qr(String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.cp.port() + BASE + "/"
                + instance + "/mfa/qr"));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Result decode(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }
}
