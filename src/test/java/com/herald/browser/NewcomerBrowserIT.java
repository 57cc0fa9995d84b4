package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.Browser;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.time.Duration;
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
 * Issue #7's done criterion, the way a newcomer does it: from the sign-in page to a delivered report in the
 * outbox, following only what the portal shows — the address typed once, then links and buttons (no URL is
 * opened after the first). Only the fields a schedule needs are filled; everything else keeps its default.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewcomerBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    Browser browser;
    int clicks;

    @BeforeAll
    void startBrowser() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void fromSignInToADeliveredReportInTheOutboxByTheUiAlone() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "ready"
                .equals(jdbc.sql("SELECT status FROM data_sources WHERE builtin = 'demo'")
                        .query(String.class)
                        .optional()
                        .orElse("")));
        UUID team = users.createTeam();
        String address = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var driver = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(20));
        long started = System.nanoTime();

        browser.open("/");
        driver.findElement(By.id("email")).sendKeys(TestUsers.ADMIN_EMAIL);
        driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
        click(driver.findElement(By.cssSelector("#login-form button[type=submit]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));

        click(driver.findElement(By.linkText("Schedules")));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("new-schedule"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-form")));
        driver.findElement(By.id("name")).sendKeys("My first report " + address);
        new Select(driver.findElement(By.id("teamId"))).selectByValue(team.toString());
        new Select(driver.findElement(By.id("reportType"))).selectByVisibleText("Daily sales by region");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("param-day")));
        driver.findElement(By.id("emails")).sendKeys(address);
        click(driver.findElement(By.id("save-schedule")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-now")));

        click(driver.findElement(By.id("run-now")));
        browser.waitUpTo(Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.cssSelector("#runs-table tbody tr .run-status"), "Succeeded"));

        click(driver.findElement(By.linkText("Administration")));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Outbox"))));
        WebElement message = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//table[@id='outbox-table']//tr[td[contains(., '" + address + "')]]//td/a")));
        click(message);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), address));
        String shown = driver.findElement(By.tagName("main")).getText();
        browser.screenshot("newcomer-outbox-message");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(shown).contains("Daily sales by region").containsIgnoringCase(".csv");
        assertThat(browser.consoleErrors()).isEmpty();
        System.out.printf(
                "[newcomer] sign-in -> report in the outbox: %d clicks, 6 fields typed or chosen (sign-in 2, name, team, report type, address), %.1f s in the browser%n",
                clicks, took.toMillis() / 1000.0);
    }

    private void click(WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        clicks++;
    }
}
