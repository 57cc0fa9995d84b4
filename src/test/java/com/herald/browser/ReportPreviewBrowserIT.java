package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.Browser;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.time.Duration;
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

/** An administrator previews a demo report type in headless Chromium: parameters, rows, no console error. */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPreviewBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void previewADemoReportType() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "ready"
                .equals(jdbc.sql("SELECT status FROM data_sources WHERE builtin = 'demo'")
                        .query(String.class)
                        .optional()
                        .orElse("")));
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

        browser.open("/report-types");
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Weekly top products")));
        // other tests add report types, so the link may be below the fold; Bootstrap's smooth scrolling would still
        // be moving the page when Selenium clicks
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
        link.click();
        wait.until(ExpectedConditions.textToBe(By.id("report-type-name"), "Weekly top products"));

        // a bad value first: the message appears and what was typed stays
        WebElement top = driver.findElement(By.id("param-top"));
        top.clear();
        top.sendKeys("ten");
        driver.findElement(By.id("run-preview")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("param-top-error")));
        assertThat(driver.findElement(By.id("param-top-error")).getText()).contains("whole number");
        assertThat(driver.findElement(By.id("param-top")).getAttribute("value")).isEqualTo("ten");

        WebElement weekStart = driver.findElement(By.id("param-week_start"));
        weekStart.clear();
        weekStart.sendKeys("start_of_week-2w");
        new Select(driver.findElement(By.id("param-category"))).selectByVisibleText("(any)");
        top = driver.findElement(By.id("param-top"));
        top.clear();
        top.sendKeys("15");
        browser.screenshot("reports-01-preview-parameters");
        driver.findElement(By.id("run-preview")).click();

        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-table")));
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSizeBetween(1, 15);
        assertThat(driver.findElement(By.id("preview-count")).getText()).contains("rows");
        assertThat(driver.findElement(By.id("param-week_start")).getAttribute("value"))
                .isEqualTo("start_of_week-2w");
        assertThat(driver.findElements(By.id("param-top-error"))).isEmpty();
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("preview-heading")));
        browser.screenshot("reports-02-preview-rows");

        assertThat(browser.consoleErrors())
                .as("browser console errors (CSP violations, failed scripts)")
                .isEmpty();
    }
}
