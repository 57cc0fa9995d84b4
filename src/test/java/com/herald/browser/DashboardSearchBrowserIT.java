package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleManager;
import com.herald.support.Browser;
import com.herald.support.IntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard with a month of runs (screenshots at desktop width and 360 px), and the navbar search used from
 * the keyboard: "/" focuses it, typing shows results, arrow down and Enter open one, Esc closes them.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSearchBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    ScheduleManager schedules;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private Schedule schedule(HeraldUser owner, UUID team, String type, String name, Cadence cadence) {
        return schedules
                .create(
                        owner,
                        ScheduleDraft.builder()
                                .name(name)
                                .teamId(team)
                                .reportType(type)
                                .parameters(Map.of())
                                .cadence(cadence)
                                .timeZone("Europe/Berlin")
                                .listIds(List.of())
                                .emails(List.of("browser-" + UUID.randomUUID() + "@example.com"))
                                .subscriberIds(List.of())
                                .formats(List.of(ReportFormat.CSV))
                                .build())
                .schedule();
    }

    private void run(Schedule s, String status, Instant nominal, String category, String message) {
        LocalDateTime at = LocalDateTime.ofInstant(nominal, ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO runs (id, schedule_id, team_id, schedule_name, nominal_time, trigger_kind, attempt,
                            status, started_at, finished_at, error_category, error_message, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'MANUAL', 1, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        s.id(),
                        s.teamId(),
                        s.name(),
                        at,
                        status,
                        at,
                        at.plusSeconds(3),
                        category,
                        message,
                        at,
                        at)
                .update();
    }

    @Test
    void theDashboardShowsAMonthOfRunsAndTheSearchWorksFromTheKeyboard() {
        var driver = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(15));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        String type = reports.threeRows(team);
        Schedule daily = schedule(editor, team, type, "Daily sales " + tag, new Cadence.Daily(7, 0));
        Schedule hourly = schedule(editor, team, type, "Hourly stock " + tag, new Cadence.Hourly(15));
        schedule(editor, team, type, "Weekly board " + tag, new Cadence.Weekly(List.of(DayOfWeek.values()), 18, 30));
        Schedule paused = schedule(editor, team, type, "Quarterly audit " + tag, new Cadence.Daily(6, 0));
        schedules.pause(editor, paused.id());
        Instant now = Instant.now();
        for (int day = 0; day < 30; day++) {
            for (int i = 0; i < 3 + day % 5; i++) {
                run(hourly, "SUCCEEDED", now.minus(Duration.ofDays(day)).minusSeconds(60L * i + 60), null, null);
            }
            if (day % 4 == 1) {
                run(
                        daily,
                        day % 8 == 1 ? "TIMED_OUT" : "FAILED",
                        now.minus(Duration.ofDays(day)).minusSeconds(7),
                        day % 8 == 1 ? "timeout" : "query",
                        "Unknown column 'region' in 'field list'");
            }
        }

        browser.open("/login");
        driver.findElement(By.id("email")).sendKeys(editor.email());
        driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));
        assertThat(driver.findElement(By.id("next-runs-table")).getText()).contains("Hourly stock " + tag);
        assertThat(driver.findElements(By.cssSelector("#volume-chart rect.chart-succeeded")))
                .hasSize(30);
        assertThat(driver.findElement(By.id("failures")).getText()).contains("Daily sales " + tag);
        assertThat(driver.findElement(By.id("paused")).getText()).contains("Quarterly audit " + tag);
        browser.screenshot("dashboard-with-data-1280");
        driver.executeScript("document.getElementById('failures').scrollIntoView();");
        browser.screenshot("dashboard-with-data-1280-failures");
        driver.executeScript("document.getElementById('charts').scrollIntoView();");
        browser.screenshot("dashboard-with-data-1280-charts");
        driver.manage().window().setSize(new Dimension(360, 900));
        browser.open("/");
        Long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("horizontal scrolling at 360 px").isLessThanOrEqualTo(0L);
        browser.screenshot("dashboard-with-data-360");
        driver.executeScript("document.getElementById('charts').scrollIntoView();");
        browser.screenshot("dashboard-with-data-360-charts");
        driver.manage().window().setSize(new Dimension(1280, 900));
        browser.open("/");

        // "/" jumps to the search field; typing shows the results
        new Actions(driver)
                .sendKeys(driver.findElement(By.tagName("body")), "/")
                .perform();
        WebElement search = driver.findElement(By.id("global-search"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(search);
        search.sendKeys("sales " + tag);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits a.search-hit")));
        assertThat(driver.findElement(By.id("hits")).getText()).contains("Daily sales " + tag);
        browser.screenshot("search-dropdown");

        // Esc closes, typing again opens
        search.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("hits")));
        search.sendKeys(Keys.BACK_SPACE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hits a.search-hit")));
        search.sendKeys(tag.substring(tag.length() - 1));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), "Daily sales " + tag));

        // arrow down moves into the results, Enter opens the schedule
        search.sendKeys(Keys.ARROW_DOWN);
        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getAttribute("href")).endsWith("/schedules/" + daily.id());
        first.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/schedules/" + daily.id()));

        // without the dropdown, Enter submits to the full results page
        WebElement again = driver.findElement(By.id("global-search"));
        again.sendKeys("stock " + tag);
        again.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-page-results")));
        assertThat(driver.findElement(By.id("search-page-results")).getText()).contains("Hourly stock " + tag);
        browser.screenshot("search-page");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
