package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.Browser;
import com.herald.support.IntegrationTest;
import com.herald.support.Outbox;
import com.herald.support.TestUsers;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A schedule end to end in headless Chromium: the cadence builder with its live preview, save, run now, the run
 * turning succeeded live, and the email with its CSV in the outbox. Uses the demo report type, so embedded only.
 */
@IntegrationTest
@Tag("browser")
@Tag("embedded-db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduleBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    @Autowired
    Outbox outbox;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void createAScheduleWithTheCadenceBuilderRunItNowAndFindTheEmail() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "ready"
                .equals(jdbc.sql("SELECT status FROM data_sources WHERE builtin = 'demo'")
                        .query(String.class)
                        .optional()
                        .orElse("")));
        UUID team = users.createTeam();
        String address = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String name =
                "Sales every Monday and Tuesday " + UUID.randomUUID().toString().substring(0, 6);
        var driver = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(20));

        browser.open("/login");
        if (!driver.findElements(By.id("email")).isEmpty()) {
            driver.findElement(By.id("email")).sendKeys(TestUsers.ADMIN_EMAIL);
            driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
            driver.findElement(By.cssSelector("#login-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));
        }

        browser.open("/schedules");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-schedule")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-form")));

        driver.findElement(By.id("name")).sendKeys(name);
        new Select(driver.findElement(By.id("teamId"))).selectByValue(team.toString());
        new Select(driver.findElement(By.id("reportType"))).selectByVisibleText("Daily sales by region");
        // the report type's parameters arrive over htmx
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("param-day")));
        assertThat(driver.findElement(By.id("param-day-help")).getText()).contains("today-7d");

        // cadence builder: weekly, Monday (preset) and Tuesday, 06:45 in Berlin
        click(driver.findElement(By.cssSelector("label[for=frequency-weekly]")));
        click(driver.findElement(By.cssSelector("input[name=daysOfWeek][value=TUE]")));
        WebElement time = driver.findElement(By.id("time"));
        time.clear();
        time.sendKeys("06:45");
        new Select(driver.findElement(By.id("timeZone"))).selectByValue("Europe/Berlin");
        wait.until(ExpectedConditions.textToBe(
                By.id("preview-description"), "Every Monday and Tuesday at 06:45, Europe/Berlin"));
        List<WebElement> fires = driver.findElements(By.cssSelector("#preview-table tbody tr"));
        assertThat(fires).hasSize(10);
        assertThat(fires.getFirst().getText()).containsAnyOf("Mon", "Tue").contains("06:45");

        // a typo in the time shows in the preview, and the input stays as typed
        time.clear();
        time.sendKeys("26:45");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-errors")));
        assertThat(driver.findElement(By.id("time")).getAttribute("value")).isEqualTo("26:45");
        browser.screenshot("schedules-01-preview-error");
        time.clear();
        time.sendKeys("06:45");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-table")));

        driver.findElement(By.id("emails")).sendKeys(address);
        WebElement csv = driver.findElement(By.cssSelector("input[name=formats][value=csv]"));
        if (!csv.isSelected()) {
            click(csv);
        }
        browser.screenshot("schedules-02-editor");
        click(driver.findElement(By.id("save-schedule")));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedule-name"), name));
        assertThat(driver.findElement(By.id("schedule-cadence")).getText())
                .isEqualTo("Every Monday and Tuesday at 06:45, Europe/Berlin");
        assertThat(driver.findElements(By.cssSelector("#next-runs li"))).hasSize(5);
        browser.screenshot("schedules-03-detail");

        click(driver.findElement(By.id("run-now")));
        WebElement status = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#runs-table tbody tr .run-status")));
        assertThat(status.getText()).isIn("Queued", "Running", "Succeeded");
        // the row polls itself until the run is final
        browser.waitUpTo(Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.cssSelector("#runs-table tbody tr .run-status"), "Succeeded"));
        assertThat(driver.findElements(By.cssSelector("#runs-table tbody tr.run-live")))
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector("#runs-table tbody tr .artifact-link"))
                        .getText())
                .isEqualToIgnoringCase("csv");
        browser.screenshot("schedules-04-run-succeeded");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !outbox.to(address)
                .isEmpty());
        MimeMessage email = outbox.to(address).getLast();
        Part attachment = attachment(email, ".csv").orElseThrow();
        assertThat(attachment.getContentType()).startsWith("text/csv");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(content);
        assertThat(content.toString(StandardCharsets.UTF_8)).contains("region").contains("revenue");

        click(driver.findElement(By.cssSelector("#runs-table tbody tr td a")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deliveries-table")));
        assertThat(driver.findElement(By.id("deliveries-table")).getText())
                .contains(address)
                .contains("Sent");
        browser.screenshot("schedules-05-run");

        assertThat(browser.consoleErrors())
                .as("browser console errors (CSP violations, failed scripts)")
                .isEmpty();
    }

    /** Scrolls the element to the middle of the window first, so no sticky or fixed element covers it. */
    private void click(WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private static Optional<Part> attachment(Part part, String suffix) throws Exception {
        if (part.getFileName() != null && part.getFileName().endsWith(suffix)) {
            return Optional.of(part);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<Part> found = attachment(child, suffix);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
