package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 12 item 6: the web console in a real (headless) Chromium against a real {@code s3aas server} with real
 * node processes. Signs in, creates an instance through the form and waits for the page to show it ACTIVE,
 * deletes another one through its Delete button; on the instance's page creates a user, a read-write policy
 * from the template, attaches it, creates an access key and uses the id and secret read from the page with the
 * AWS SDK against the endpoint read from the page (its bucket works, creating a bucket is denied). Any SEVERE
 * browser console entry fails the test.
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
        browser = new Browser(Files.createDirectories(work.resolve("downloads")));
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
        browser.await(Duration.ofSeconds(10), d -> d.findElement(By.id("who")).getText()
                .equals("admin · admin · all projects"));

        browser.driver.findElement(By.id("f-bucket_name")).sendKeys("web-data");
        browser.driver.findElement(By.id("f-versioning")).click();
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

        instancePageUserPolicyKeyWorkWithTheSdk();

        // on an instance's page the header names the instance's project (the list said "all projects")
        String admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        String project = server.get("/v1/iam/projects/" + server.get("/v1/types/s3/instances/web-keep", admin)
                .text("project_id"), admin).text("name");
        assertThat(browser.driver.findElement(By.id("who")).getText()).isEqualTo("admin · admin · " + project);
        browser.driver.findElement(By.id("signout")).click();
        browser.await(Duration.ofSeconds(10), ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        viewerSeesNoWriteButtons();
        browser.driver.findElement(By.id("signout")).click();
        browser.await(Duration.ofSeconds(10), ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        ConsoleProjectSwitchCheck.check(browser, server, "web-keep");
        assertThat(browser.severe()).as("SEVERE browser console entries").isEmpty();
    }

    /** Through the instance page: a user, a read-write policy on the bucket, attached, and a key used with the SDK. */
    private void instancePageUserPolicyKeyWorkWithTheSdk() throws Exception {
        browser.await(Duration.ofSeconds(5), d -> {
            row("web-keep").findElement(By.tagName("button")).click();
            return true;
        });
        String endpoint = browser.<String>await(Duration.ofSeconds(20), d -> {
            String text = d.findElement(By.id("instance-endpoint")).getText();
            return text.isEmpty() ? null : text;
        });
        assertThat(endpoint).startsWith("http://127.0.0.1:");

        browser.driver.findElement(By.cssSelector("#edit summary")).click();
        WebElement description = browser.driver.findElement(By.id("e-description"));
        description.clear();
        description.sendKeys("edited in the console");
        browser.driver.findElement(By.cssSelector("#edit-instance button[type=submit]")).click();
        String admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        Eventually.poll(server, admin, "/v1/types/s3/instances/web-keep",
                r -> "edited in the console".equals(r.text("description")), Duration.ofSeconds(10));
        browser.driver.findElement(By.cssSelector("#edit summary")).click();
        ConsoleMfaCheck.check(browser, server, "web-keep");
        ConsoleLayoutCheck.progressAndNodes(browser, endpoint);
        ConsoleLayoutCheck.phoneWidth(browser, "web-keep");

        browser.driver.findElement(By.id("user-name")).sendKeys("alice");
        browser.driver.findElement(By.cssSelector("#create-user button[type=submit]")).click();
        WebElement users = browser.driver.findElement(By.id("users"));
        browser.await(Duration.ofSeconds(20), d -> !users.findElements(By.xpath(".//tr[td[1][text()='alice']]")).isEmpty());

        browser.driver.findElement(By.id("policy-name")).sendKeys("rw-data");
        browser.driver.findElement(By.id("policy-bucket")).sendKeys("web-data");
        browser.driver.findElement(By.id("template-write")).click();
        assertThat(browser.driver.findElement(By.id("policy-content")).getDomProperty("value")).contains("arn:aws:s3:::web-data/*");
        browser.driver.findElement(By.cssSelector("#create-policy button[type=submit]")).click();
        WebElement policies = browser.driver.findElement(By.id("policies"));
        browser.await(Duration.ofSeconds(20), d -> !policies.findElements(By.xpath(".//tr[td[1][text()='rw-data']]")).isEmpty());

        browser.await(Duration.ofSeconds(5), d -> {
            d.findElement(By.xpath("//section[@id='users']//tr[td[1][text()='alice']]//button[text()='Open']")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector("#attach-policy option[value='rw-data']")).isEmpty());
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("attach-policy"))).selectByValue("rw-data");
        browser.driver.findElement(By.cssSelector("#attach button[type=submit]")).click();
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.id("user-detail")).getText().contains("Detach"));

        browser.driver.findElement(By.cssSelector("#create-key button[type=submit]")).click();
        browser.await(Duration.ofSeconds(20), ExpectedConditions.visibilityOfElementLocated(By.id("secret-dialog")));
        String accessKey = browser.driver.findElement(By.id("new-access-key")).getText();
        String secret = browser.driver.findElement(By.id("new-secret-key")).getText();
        assertThat(accessKey).hasSize(20);
        assertThat(secret).hasSize(40);
        assertThat(browser.driver.findElement(By.id("secret-dialog")).getText()).contains("shown only now");
        browser.screenshot("key-secret");
        browser.driver.findElement(By.id("secret-done")).click();
        browser.await(Duration.ofSeconds(5), d -> d.findElements(By.id("secret-dialog")).isEmpty());
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.id("user-detail")).getText().contains(accessKey));
        browser.screenshot("instance-detail");

        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .forcePathStyle(true).httpClient(ApacheHttpClient.create()).build()) {
            // the reconciler pushes the key and the policy to the node shortly after the API accepted them
            Eventually.holds(Duration.ofSeconds(60), () -> {
                s3.putObject(b -> b.bucket("web-data").key("from-console-key"), RequestBody.fromString("hello"));
            });
            assertThat(s3.getObjectAsBytes(b -> b.bucket("web-data").key("from-console-key")).asUtf8String())
                    .isEqualTo("hello");
            assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("web-denied")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            objectBrowser(s3);
            ConsoleUserAccessCheck.check(browser, s3, work.resolve("downloads"), Files.readAllBytes(work.resolve("upload.bin")));
        }
        bucketCreateAndDelete();
    }

    /** The object browser on the instance's bucket: list, folders, upload with the SDK reading it back, versions, delete. */
    private void objectBrowser(S3Client s3) throws Exception {
        s3.putObject(b -> b.bucket("web-data").key("docs/readme.txt"), RequestBody.fromString("read me"));
        browser.await(Duration.ofSeconds(10), d -> {
            d.findElement(By.xpath("//section[@id='buckets']//tr[td[1][text()='web-data']]//button[text()='Browse']")).click();
            return true;
        });
        WebElement objects = browser.await(Duration.ofSeconds(10), ExpectedConditions.visibilityOfElementLocated(By.id("objects")));
        browser.await(Duration.ofSeconds(10), d -> objects.getText().contains("from-console-key") && objects.getText().contains("docs/"));

        byte[] data = new byte[300_000];
        new java.util.Random(12).nextBytes(data);
        Path file = Files.write(work.resolve("upload.bin"), data);
        browser.driver.findElement(By.id("upload-file")).sendKeys(file.toString());
        browser.driver.findElement(By.id("upload-go")).click();
        browser.await(Duration.ofSeconds(30), d -> !objectRows("upload.bin").isEmpty());
        assertThat(browser.driver.findElement(By.id("upload-progress")).getDomProperty("value")).isEqualTo("100");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("web-data").key("upload.bin")).asByteArray()).isEqualTo(data);

        browser.await(Duration.ofSeconds(10), d -> {
            objectRows("upload.bin").getFirst().findElement(By.xpath(".//button[text()='Versions']")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(10), d -> d.findElement(By.id("object-versions")).getText().contains("latest"));
        browser.screenshot("object-browser");

        browser.await(Duration.ofSeconds(10), d -> {
            d.findElement(By.xpath("//section[@id='objects']//button[text()='docs/']")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(10), d -> !objectRows("readme.txt").isEmpty());
        browser.driver.findElement(By.id("objects-up")).click();
        browser.await(Duration.ofSeconds(10), d -> !objectRows("from-console-key").isEmpty());
        browser.await(Duration.ofSeconds(10), d -> {
            objectRows("from-console-key").getFirst().findElement(By.xpath(".//button[text()='Delete']")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(5), ExpectedConditions.alertIsPresent()).accept();
        browser.await(Duration.ofSeconds(10), d -> objectRows("from-console-key").isEmpty());
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("web-data").key("from-console-key")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    /** A bucket with every create field through the form (after a refused name shown beside its field), then deleted. */
    private void bucketCreateAndDelete() {
        assertThat(browser.severe()).as("SEVERE browser console entries so far").isEmpty();
        browser.driver.findElement(By.cssSelector("#buckets summary")).click();
        browser.driver.findElement(By.id("b-name")).sendKeys("Bad_Bucket!");
        browser.driver.findElement(By.cssSelector("#create-bucket button[type=submit]")).click();
        browser.await(Duration.ofSeconds(10), d -> !d.findElement(By.id("err-b-name")).getText().isEmpty());
        assertThat(browser.severe()).as("only the refused create's 400 (and it is seen: the log check works)").isNotEmpty().allMatch(e -> e.contains(" 400 "));

        browser.driver.findElement(By.id("b-name")).clear();
        browser.driver.findElement(By.id("b-name")).sendKeys("web-locked");
        browser.driver.findElement(By.id("b-versioning_enabled")).click();
        browser.driver.findElement(By.id("b-object_lock_enabled")).click();
        browser.driver.findElement(By.id("b-quota_bytes")).sendKeys("1000000");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("b-default_retention_mode")))
                .selectByValue("GOVERNANCE");
        browser.driver.findElement(By.id("b-default_retention_days")).sendKeys("1");
        browser.driver.findElement(By.cssSelector("#create-bucket button[type=submit]")).click();
        browser.await(Duration.ofSeconds(20), d -> !bucketRows("web-locked").isEmpty());
        assertThat(browser.driver.findElement(By.id("err-b-name")).getText()).isEmpty();
        String admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        ServerProcess.Resp b = server.get("/v1/types/s3/instances/web-keep/buckets/web-locked", admin);
        assertThat(b.body().path("object_lock_enabled").asBoolean()).as(b.toString()).isTrue();
        assertThat(b.body().path("versioning_enabled").asBoolean()).as(b.toString()).isTrue();
        assertThat(b.body().path("quota_bytes").asLong()).as(b.toString()).isEqualTo(1_000_000L);
        assertThat(b.text("default_retention_mode")).as(b.toString()).isEqualTo("GOVERNANCE");
        assertThat(b.body().path("default_retention_days").asInt()).as(b.toString()).isEqualTo(1);
        ConsoleBucketEditCheck.check(browser, server, "web-locked", "web-data");

        browser.await(Duration.ofSeconds(10), d -> {
            bucketRows("web-locked").getFirst().findElement(By.xpath(".//button[text()='Delete']")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(5), ExpectedConditions.alertIsPresent()).accept();
        browser.await(Duration.ofSeconds(20), d -> bucketRows("web-locked").isEmpty());
        assertThat(server.get("/v1/types/s3/instances/web-keep/buckets/web-locked", admin).status()).isEqualTo(404);
    }

    private List<WebElement> bucketRows(String name) {
        return browser.driver.findElements(By.xpath("//section[@id='buckets']//tbody/tr[td[1][text()='" + name + "']]"));
    }

    private List<WebElement> objectRows(String name) {
        return browser.driver.findElements(By.xpath("//section[@id='objects']//tbody/tr[td[1][text()='" + name + "']]"));
    }

    private static final java.util.Set<String> WRITES = java.util.Set.of("Delete", "Create", "Create user",
            "Create policy", "Create bucket", "Enable", "Disable", "Attach", "Detach", "Create access key", "Upload",
            "Read-only", "Read-write", "Delete version", "Edit instance", "Save changes", "Edit", "Save bucket",
            "Show MFA device", "Hide MFA device");

    /** A viewer of the project signs in: the header says so, no write control is shown, and a write by its token is 403. */
    private void viewerSeesNoWriteButtons() throws Exception {
        String admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        String project = server.get("/v1/types/s3/instances/web-keep", admin).text("project_id");
        assertThat(server.post("/v1/iam/users", admin, java.util.Map.of("name", "vera", "password", "vera-password-1"))
                .status()).isEqualTo(201);
        assertThat(server.post("/v1/iam/role_bindings", admin, java.util.Map.of("user_id", "vera", "project_id", project,
                "role", "viewer")).status()).isEqualTo(201);
        browser.driver.findElement(By.id("username")).sendKeys("vera");
        browser.driver.findElement(By.id("password")).sendKeys("vera-password-1");
        browser.driver.findElement(By.id("project")).sendKeys(project);
        browser.driver.findElement(By.cssSelector("form[aria-label='Sign in'] button[type=submit]")).click();
        String projectName = server.get("/v1/iam/projects/" + project, admin).text("name");
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.id("who")).getText()
                .equals("vera · viewer · " + projectName));
        browser.await(Duration.ofSeconds(20), d -> rowOrNull("web-keep") != null);
        assertNoWriteControls();
        browser.await(Duration.ofSeconds(5), d -> {
            row("web-keep").findElement(By.tagName("button")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(20), d -> !bucketRows("web-data").isEmpty()
                && !d.findElements(By.xpath("//section[@id='users']//tr[td[1][text()='alice']]")).isEmpty());
        browser.await(Duration.ofSeconds(10), d -> {
            bucketRows("web-data").getFirst().findElement(By.xpath(".//button[text()='Browse']")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(10), d -> !objectRows("upload.bin").isEmpty());
        browser.driver.findElement(By.xpath("//section[@id='users']//tr[td[1][text()='alice']]//button[text()='Open']")).click();
        browser.await(Duration.ofSeconds(10), d -> d.findElement(By.id("user-detail")).getText().contains("rw-data"));
        assertNoWriteControls();
        browser.screenshot("viewer");

        String token = (String) browser.driver.executeScript("return sessionStorage.getItem('access_token')");
        ServerProcess.Resp write = server.post("/v1/types/s3/instances/web-keep/buckets", token,
                java.util.Map.of("name", "viewer-bucket"));
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        assertThat(server.call("DELETE", "/v1/types/s3/instances/web-keep/buckets/web-data/object?key=upload.bin",
                token, null).status()).isEqualTo(403);
    }

    private void assertNoWriteControls() {
        assertNoWriteControls(browser);
    }

    static void assertNoWriteControls(Browser browser) {
        List<String> shown = browser.driver.findElements(By.cssSelector("button, summary, form")).stream()
                .filter(WebElement::isDisplayed)
                .map(e -> e.getTagName().equals("form") ? "form " + e.getDomAttribute("aria-label") : e.getText().trim())
                .filter(t -> WRITES.contains(t) || (t.startsWith("form ") && !t.equals("form Sign in")))
                .toList();
        assertThat(shown).as("write controls shown to a viewer").isEmpty();
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
        return browser.driver.findElement(By.xpath("//tbody/tr[td[1][normalize-space(.)='" + name + "']]"));
    }

    private WebElement rowOrNull(String name) {
        List<WebElement> rows = browser.driver.findElements(By.xpath("//tbody/tr[td[1][normalize-space(.)='" + name + "']]"));
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
