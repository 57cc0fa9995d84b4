package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.Browser;
import com.herald.support.SmtpIntegrationTest;
import com.herald.support.TestSmtp;
import com.herald.support.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin creates a team and invites a viewer; the invitation arrives over SMTP (GreenMail); the
 * viewer accepts it, signs in, and can reach neither admin pages nor another team.
 */
@SmtpIntegrationTest
@Tag("browser")
class InvitationBrowserIT {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void anInvitedViewerJoinsAndSeesOnlyTheirTeam() throws Exception {
        var driver = browser.driver();
        WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(15));
        UUID otherTeam = users.createTeam();
        String teamName = "Browser Team " + UUID.randomUUID().toString().substring(0, 6);
        String invitee = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        signIn(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD, wait);
        browser.open("/teams");
        driver.findElement(By.id("name")).sendKeys(teamName);
        driver.findElement(By.cssSelector("#new-team-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("team-name"), teamName));
        String teamUrl = driver.getCurrentUrl();

        driver.findElement(By.id("email")).sendKeys(invitee);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("role"))).selectByValue("VIEWER");
        driver.findElement(By.id("add-member")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members-table"), invitee));
        browser.screenshot("10-team-member-invited");
        assertThat(browser.consoleErrors()).isEmpty();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage invitation = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals(invitee))
                .findFirst()
                .orElseThrow();
        assertThat(invitation.getSubject()).isEqualTo("You are invited to Herald");
        String link =
                com.herald.support.Outbox.linkIn(invitation, "/invitations/").orElseThrow();

        driver.findElement(By.id("account-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        driver.get(link);
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name")));
        name.clear();
        name.sendKeys("Vera Viewer");
        driver.findElement(By.id("password")).sendKeys("seven purple kites soar");
        driver.findElement(By.id("confirmation")).sendKeys("seven purple kites soar");
        browser.screenshot("11-invitation-accept");
        driver.findElement(By.cssSelector("#invitation-form button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.urlContains("/login?welcome"));

        signIn(invitee, "seven purple kites soar", wait);
        assertThat(driver.findElement(By.id("dashboard-heading")).getText()).isEqualTo("Welcome, Vera Viewer");
        assertThat(driver.findElements(By.linkText("Administration"))).isEmpty();
        browser.screenshot("12-viewer-dashboard");

        browser.open("/teams");
        assertThat(driver.findElement(By.id("teams-table")).getText()).contains(teamName);
        assertThat(driver.findElements(By.cssSelector("#teams-table tbody tr"))).hasSize(1);
        driver.get(teamUrl);
        assertThat(driver.findElements(By.id("add-member-form"))).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();

        browser.open("/admin/users");
        assertThat(driver.findElement(By.cssSelector("#error h1")).getText()).isEqualTo("Access denied");
        browser.screenshot("13-viewer-forbidden");
        browser.open("/teams/" + otherTeam);
        assertThat(driver.findElement(By.cssSelector("#error h1")).getText()).isEqualTo("Page not found");
    }

    private void signIn(String email, String password, WebDriverWait wait) {
        browser.open("/login");
        browser.driver().findElement(By.id("email")).sendKeys(email);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver()
                .findElement(By.cssSelector("#login-form button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
