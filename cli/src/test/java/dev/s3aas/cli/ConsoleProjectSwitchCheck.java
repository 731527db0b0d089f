package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The header's project switcher, for a user who is owner in the instance's project A and viewer in a project B
 * and signs in unscoped: with A selected the role is owner, A's instance is listed and the write controls show,
 * and a create through the form lands in A (its page shows the progress to ACTIVE); with B selected the role is viewer, A's instance is not listed and
 * no write control shows; the choice survives a reload (sessionStorage).
 */
final class ConsoleProjectSwitchCheck {
    private ConsoleProjectSwitchCheck() {}

    static void check(Browser browser, ServerProcess server, String instanceOfA) throws Exception {
        String admin = server.login("admin", ServerProcess.ADMIN_PASSWORD);
        String a = server.get("/v1/types/s3/instances/" + instanceOfA, admin).text("project_id");
        String aName = server.get("/v1/iam/projects/" + a, admin).text("name");
        ServerProcess.Resp b = server.post("/v1/iam/projects", admin, Map.of("name", "project-b"));
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        assertThat(server.post("/v1/iam/users", admin, Map.of("name", "pat", "password", "pat-password-1")).status())
                .isEqualTo(201);
        for (Map.Entry<String, String> role : Map.of(a, "owner", b.text("id"), "viewer").entrySet()) {
            assertThat(server.post("/v1/iam/role_bindings", admin, Map.of("user_id", "pat", "project_id", role.getKey(),
                    "role", role.getValue())).status()).isEqualTo(201);
        }
        browser.driver.findElement(By.id("username")).sendKeys("pat");
        browser.driver.findElement(By.id("password")).sendKeys("pat-password-1");
        browser.driver.findElement(By.cssSelector("form[aria-label='Sign in'] button[type=submit]")).click();
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.id("who")).getText().equals("pat · owner · all projects"));
        Select projects = new Select(browser.driver.findElement(By.id("project-select")));
        assertThat(projects.getOptions().stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("All projects", aName, "project-b");

        projects.selectByValue(a);
        browser.await(Duration.ofSeconds(10), d -> d.findElement(By.id("who")).getText().equals("pat · owner · " + aName));
        browser.await(Duration.ofSeconds(10), d -> !rows(browser, instanceOfA).isEmpty());
        assertThat(browser.driver.findElement(By.id("create-instance")).isDisplayed()).isTrue();
        assertThat(rows(browser, instanceOfA).getFirst().findElement(By.xpath(".//button[text()='Delete']")).isDisplayed())
                .isTrue();
        browser.driver.findElement(By.id("f-name")).sendKeys("pat-made");
        browser.driver.findElement(By.cssSelector("#create-instance button[type=submit]")).click();
        browser.await(Duration.ofSeconds(20), d -> !rows(browser, "pat-made").isEmpty());
        ServerProcess.Resp made = server.get("/v1/types/s3/instances/pat-made", admin);
        assertThat(made.text("project_id")).as(made.toString()).isEqualTo(a);
        browser.await(Duration.ofSeconds(5), d -> {
            rows(browser, "pat-made").getFirst().findElement(By.tagName("button")).click();
            return true;
        });
        ConsoleLayoutCheck.watchUntilActive(browser);
        browser.screenshot("instance-progress");
        browser.driver.findElement(By.id("back")).click();
        assertThat(server.delete("/v1/types/s3/instances/" + made.text("id"), admin).status()).isEqualTo(202);

        new Select(browser.driver.findElement(By.id("project-select"))).selectByVisibleText("project-b");
        browser.await(Duration.ofSeconds(10), d -> d.findElement(By.id("who")).getText().equals("pat · viewer · project-b"));
        browser.await(Duration.ofSeconds(10), d -> rows(browser, instanceOfA).isEmpty());
        ConsoleBrowserTest.assertNoWriteControls(browser);

        browser.driver.navigate().refresh();
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.id("who")).getText().equals("pat · viewer · project-b"));
        browser.await(Duration.ofSeconds(10), ExpectedConditions.visibilityOfElementLocated(By.id("project-select")));
        assertThat(new Select(browser.driver.findElement(By.id("project-select"))).getFirstSelectedOption().getText())
                .isEqualTo("project-b");
        assertThat(rows(browser, instanceOfA)).isEmpty();
        ConsoleBrowserTest.assertNoWriteControls(browser);
    }

    private static List<WebElement> rows(Browser browser, String name) {
        return browser.driver.findElements(By.xpath("//tbody/tr[td[1][normalize-space(.)='" + name + "']]"));
    }
}
