package dev.s3aas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The instance page's progress steps and node health, and the list and instance pages at a phone's width.
 */
final class ConsoleLayoutCheck {
    private ConsoleLayoutCheck() {}

    /** An ACTIVE instance: PENDING and CREATING done, ACTIVE current; its one node RUNNING at the endpoint. */
    static void progressAndNodes(Browser browser, String endpoint) {
        WebElement current = browser.await(Duration.ofSeconds(10),
                d -> d.findElement(By.cssSelector("#instance-progress li[aria-current=step]")));
        assertThat(current.getText()).isEqualTo("ACTIVE");
        assertThat(texts(browser, "#instance-progress li.done")).containsExactly("PENDING", "CREATING");
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("#instance-nodes tbody tr td"));
        assertThat(cells).hasSize(3);
        assertThat(cells.get(1).getText()).isEqualTo(endpoint);
        assertThat(cells.get(2).getText()).isEqualTo("RUNNING");
    }

    /**
     * Watches a new instance's page until it is ACTIVE: the steps seen as current only move forward, from PENDING
     * or CREATING (whichever the first poll caught) to ACTIVE.
     */
    static void watchUntilActive(Browser browser) {
        List<String> order = List.of("PENDING", "CREATING", "ACTIVE");
        java.util.ArrayList<String> seen = new java.util.ArrayList<>();
        browser.await(Duration.ofSeconds(120), d -> {
            List<WebElement> now = d.findElements(By.cssSelector("#instance-progress li[aria-current=step]"));
            if (now.isEmpty()) {
                return false;
            }
            String step = now.getFirst().getText();
            if (seen.isEmpty() || !seen.getLast().equals(step)) {
                seen.add(step);
            }
            return step.equals("ACTIVE") || step.equals("ERROR");
        });
        assertThat(seen.getLast()).isEqualTo("ACTIVE");
        assertThat(seen).allMatch(order::contains);
        assertThat(seen.stream().map(order::indexOf).toList()).isSorted();
    }

    /** At 390×844 neither the instance page nor the list scrolls sideways; back at 1280×800 on the instance page. */
    static void phoneWidth(Browser browser, String instance) throws Exception {
        browser.resize(390, 844);
        try {
            browser.await(Duration.ofSeconds(5), d -> browser.fitsWidth());
            browser.screenshot("phone-instance");
            browser.driver.findElement(By.id("back")).click();
            browser.await(Duration.ofSeconds(10), d -> !d.findElements(By.id("create-instance")).isEmpty()
                    && !d.findElements(By.xpath("//tbody/tr[td[1][normalize-space(.)='" + instance + "']]")).isEmpty());
            assertThat(browser.fitsWidth()).as("the instance list at 390 px").isTrue();
            browser.screenshot("phone-instances");
        } finally {
            browser.resize(1280, 800);
        }
        browser.await(Duration.ofSeconds(5), d -> {
            d.findElement(By.xpath("//tbody/tr[td[1][normalize-space(.)='" + instance + "']]//button")).click();
            return true;
        });
        browser.await(Duration.ofSeconds(20), d -> !d.findElement(By.id("instance-endpoint")).getText().isEmpty());
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
