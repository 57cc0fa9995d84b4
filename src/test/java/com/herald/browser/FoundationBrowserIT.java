package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.Browser;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A newcomer's first minutes, in headless Chromium: sign in, dashboard, test email, outbox. */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationBrowserIT {

    @LocalServerPort
    int port;

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
    void signInSendATestEmailAndFindItInTheOutbox() {
        var driver = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(15));

        browser.open("/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.screenshot("01-login");
        driver.findElement(By.id("email")).sendKeys(TestUsers.ADMIN_EMAIL);
        driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();

        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));
        assertThat(heading.getText()).isEqualTo("Welcome, Administrator");
        browser.screenshot("02-dashboard");

        browser.open("/admin/settings");
        assertThat(driver.findElement(By.id("mail-status")).getText()).contains("outbox");
        String recipient = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        WebElement field = driver.findElement(By.id("recipient"));
        field.clear();
        field.sendKeys("not an address");
        driver.findElement(By.id("send-test-email")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recipient-error")));
        assertThat(error.getText()).contains("valid email address");
        assertThat(driver.findElement(By.id("recipient")).getAttribute("value")).isEqualTo("not an address");

        field = driver.findElement(By.id("recipient"));
        field.clear();
        field.sendKeys(recipient);
        driver.findElement(By.id("send-test-email")).click();
        WebElement toast =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toasts .toast.show")));
        assertThat(toast.getText()).contains(recipient, "outbox");
        assertThat(driver.getCurrentUrl()).endsWith("/admin/settings");
        browser.screenshot("03-test-email-sent");

        browser.open("/admin/outbox");
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//table[@id='outbox-table']//tr[td[normalize-space()='" + recipient
                        + "']]//a[text()='Herald test email']")));
        browser.screenshot("04-outbox");
        link.click();
        wait.until(ExpectedConditions.textToBe(By.id("message-subject"), "Herald test email"));
        assertThat(driver.findElement(By.id("message-to")).getText()).isEqualTo(recipient);
        assertThat(driver.findElement(By.id("message-text")).getText()).contains("This is a test email from Herald");
        browser.screenshot("05-outbox-message");

        assertThat(browser.consoleErrors())
                .as("browser console errors (CSP violations, failed scripts)")
                .isEmpty();
    }

    @Test
    void anExpiredSessionOnAnHtmxRequestReloadsToTheLoginPage() {
        var driver = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(15));
        browser.open("/login");
        if (driver.findElements(By.id("email")).isEmpty()) {
            browser.open("/admin/settings");
        } else {
            driver.findElement(By.id("email")).sendKeys(TestUsers.ADMIN_EMAIL);
            driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
            driver.findElement(By.cssSelector("#login-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));
            browser.open("/admin/settings");
        }
        driver.manage().deleteCookieNamed("HERALD_SESSION");
        driver.findElement(By.id("send-test-email")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElements(By.id("login-form"))).hasSize(1);
        assertThat(driver.findElements(By.id("test-email"))).isEmpty();
    }
}
