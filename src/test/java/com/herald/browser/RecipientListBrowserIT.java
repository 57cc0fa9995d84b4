package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An editor pastes addresses into a new list, trips over a bad line, fixes it and saves. */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecipientListBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

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

    /** The button sits below the tall members box: bring it to the middle of the window first. */
    private void clickSave() {
        WebElement save = browser.driver().findElement(By.id("save-list"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", save);
        save.click();
    }

    @Test
    void createAListByPastingAddresses() {
        UUID team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        var driver = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(15));

        browser.open("/login");
        driver.findElement(By.id("email")).sendKeys(editor.email());
        driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));

        browser.open("/recipient-lists");
        WebElement empty = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lists-empty")));
        assertThat(empty.getText()).contains("No recipient lists yet");
        browser.screenshot("recipients-01-empty");

        driver.findElement(By.id("new-list")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-form")));
        String name = "Weekly readers " + UUID.randomUUID().toString().substring(0, 8);
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("description")).sendKeys("Everyone who reads the weekly sales report");
        String typed = "Jane Doe <jane@example.com>, bob@example.com\n"
                + "\"Doe, John Jr.\" <john@example.com>; JANE@example.com\n"
                + "foo@\n"
                + "carol@example.com";
        driver.findElement(By.id("members")).sendKeys(typed);
        browser.screenshot("recipients-02-pasted");
        clickSave();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members-error")));
        assertThat(error.getText()).contains("Line 3: 'foo@' is not a valid email address.");
        assertThat(driver.findElement(By.id("members")).getDomProperty("value")).isEqualTo(typed);
        assertThat(driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
        assertThat(driver.getCurrentUrl()).endsWith("/recipient-lists/new");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", error);
        browser.screenshot("recipients-03-line-error");

        WebElement members = driver.findElement(By.id("members"));
        members.clear();
        members.sendKeys(typed.replace("foo@\n", "foo@example.com\n"));
        clickSave();

        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-name")));
        assertThat(heading.getText()).isEqualTo(name);
        WebElement toast =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toasts .toast.show")));
        assertThat(toast.getText()).contains("created with 5 members", "1 duplicate address was dropped");
        assertThat(driver.findElement(By.id("member-counts")).getText()).contains("5 members: 5 active");
        assertThat(driver.findElement(By.id("members-table")).getText())
                .contains("jane@example.com", "Jane Doe", "john@example.com", "Doe, John Jr.", "foo@example.com");
        browser.screenshot("recipients-04-created");

        browser.open("/recipient-lists");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lists-table")));
        assertThat(driver.findElement(By.id("lists-table")).getText()).contains(name);
        browser.screenshot("recipients-05-overview");

        // the name filter searches as one types (htmx swaps the results and pushes the URL)
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys("no such list");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "No list matches"));
        assertThat(driver.getCurrentUrl()).contains("q=no");
        q.clear();
        q.sendKeys(name.substring(name.length() - 8));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), name));
        browser.screenshot("recipients-06-search");

        assertThat(browser.consoleErrors())
                .as("browser console errors (CSP violations, failed scripts)")
                .isEmpty();
    }
}
