package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The bucket list's usage column and the bucket Edit form: the usage shown is what {@code GET …/usage} answers
 * (the node's own counters; that they count right is ObjectApiEndToEndTest's), an edit reaches the API, and the
 * API's refusal of a default retention on a bucket without object lock appears beside that field.
 */
final class ConsoleBucketEditCheck {
    private static final String BASE = "/v1/types/s3/instances/web-keep/buckets/";

    private ConsoleBucketEditCheck() {}

    /** {@code locked}: a bucket with object lock, GOVERNANCE 1 day, quota 1000000; {@code plain}: without lock. */
    static void check(Browser browser, ServerProcess server, String locked, String plain) {
        String admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        ServerProcess.Resp usage = server.get(BASE + plain + "/usage", admin);
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.body().path("bytes").asLong()).as(usage.toString()).isGreaterThanOrEqualTo(300_000L);
        String objects = usage.body().path("objects").asText();
        String bytes = usage.body().path("bytes").asText();
        assertThat(browser.<String>await(Duration.ofSeconds(10), d -> usageCell(browser, plain)))
                .startsWith(objects + " objects · " + bytes + " B (");

        editButton(browser, locked).click();
        WebElement quota = browser.driver.findElement(By.id("be-quota_bytes"));
        assertThat(quota.getDomProperty("value")).isEqualTo("1000000");
        quota.clear();
        quota.sendKeys("2000000");
        browser.driver.findElement(By.id("be-public")).click();
        WebElement days = browser.driver.findElement(By.id("be-default_retention_days"));
        days.clear();
        days.sendKeys("2");
        browser.driver.findElement(By.cssSelector("#edit-bucket button[type=submit]")).click();
        browser.await(Duration.ofSeconds(10), d -> d.findElements(By.id("edit-bucket")).isEmpty());
        ServerProcess.Resp b = server.get(BASE + locked, admin);
        assertThat(b.body().path("quota_bytes").asLong()).as(b.toString()).isEqualTo(2_000_000L);
        assertThat(b.body().path("public").asBoolean()).as(b.toString()).isTrue();
        assertThat(b.body().path("default_retention_days").asInt()).as(b.toString()).isEqualTo(2);
        assertThat(b.text("default_retention_mode")).as(b.toString()).isEqualTo("GOVERNANCE");
        assertThat(b.body().path("versioning_enabled").asBoolean()).as("unchanged " + b).isTrue();

        assertThat(browser.severe()).as("SEVERE browser console entries before the refused edit").isEmpty();
        editButton(browser, plain).click();
        new Select(browser.driver.findElement(By.id("be-default_retention_mode"))).selectByValue("GOVERNANCE");
        browser.driver.findElement(By.id("be-default_retention_days")).sendKeys("1");
        browser.driver.findElement(By.cssSelector("#edit-bucket button[type=submit]")).click();
        assertThat(browser.<String>await(Duration.ofSeconds(10), d -> {
            String t = d.findElement(By.id("err-be-default_retention_mode")).getText();
            return t.isEmpty() ? null : t;
        })).contains("object_lock");
        assertThat(browser.severe()).as("only the refused edit's 422").isNotEmpty().allMatch(e -> e.contains(" 422 "));
        assertThat(server.get(BASE + plain, admin).body().path("default_retention_mode").isNull()).isTrue();
        browser.driver.findElement(By.id("edit-bucket-cancel")).click();
        browser.await(Duration.ofSeconds(5), d -> d.findElements(By.id("edit-bucket")).isEmpty());
    }

    private static WebElement editButton(Browser browser, String bucket) {
        return browser.await(Duration.ofSeconds(10), d -> {
            List<WebElement> rows = rows(browser, bucket);
            return rows.isEmpty() ? null : rows.getFirst().findElement(By.xpath(".//button[text()='Edit']"));
        });
    }

    private static String usageCell(Browser browser, String bucket) {
        List<WebElement> rows = rows(browser, bucket);
        if (rows.isEmpty()) {
            return null;
        }
        String text = rows.getFirst().findElement(By.cssSelector("td.usage")).getText();
        return text.contains("objects") ? text : null;
    }

    private static List<WebElement> rows(Browser browser, String bucket) {
        return browser.driver.findElements(By.xpath("//section[@id='buckets']//tbody/tr[td[1][text()='" + bucket + "']]"));
    }
}
