package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.delivery.ReportEmail;
import com.herald.delivery.ReportMailer;
import com.herald.delivery.SendReceipt;
import com.herald.delivery.Unsubscribes;
import com.herald.identity.TeamRole;
import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientListDraft;
import com.herald.recipients.RecipientListManager;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleManager;
import com.herald.support.Browser;
import com.herald.support.IntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page of the portal opens in Chromium, as a system admin, without an error page or a console
 * error, at desktop width and at 360 px; the screenshots are the gallery in target/screenshots/.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageGalleryBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    Unsubscribes unsubscribes;

    @Autowired
    ReportMailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestReports reports;

    @Autowired
    ScheduleManager schedules;

    @Autowired
    RecipientListManager lists;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void everyPageRendersWithoutErrors() {
        var driver = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(15));
        UUID team = users.createTeam();
        users.createMember(team, TeamRole.EDITOR);
        var admin = users.admin();
        String reportType = reports.threeRows(team);
        jdbc.sql("UPDATE report_types SET name = 'Three rows' WHERE type_key = ?")
                .param(reportType)
                .update();
        UUID schedule = schedules
                .create(
                        admin,
                        new ScheduleDraft(
                                "Gallery schedule",
                                "Three rows every weekday morning.",
                                team,
                                reportType,
                                java.util.Map.of(),
                                new Cadence.Weekly(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 8, 30),
                                "Europe/Berlin",
                                null,
                                null,
                                List.of(),
                                List.of("gallery@example.com"),
                                List.of(),
                                List.of(ReportFormat.CSV, ReportFormat.XLSX),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                .schedule()
                .id();
        UUID run = schedules.trigger(admin, schedule).id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> schedules.run(admin, run).status().isFinal());

        for (String anonymous : List.of("/login", "/forgot-password")) {
            browser.open(anonymous);
            assertThat(driver.findElements(By.id("error"))).as(anonymous).isEmpty();
            browser.screenshot("gallery" + anonymous.replace('/', '-'));
        }
        browser.open(unsubscribes.url(UUID.randomUUID(), "gallery@example.com").getPath());
        browser.screenshot("gallery-unsubscribe");
        driver.findElement(By.id("unsubscribe-confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unsubscribed")));
        browser.screenshot("gallery-unsubscribe-done");
        browser.open("/unsubscribe/not-a-token");
        assertThat(driver.findElement(By.id("unsubscribe-invalid")).isDisplayed())
                .isTrue();
        browser.screenshot("gallery-unsubscribe-invalid");
        // the 404 status of that page is the one console entry it may cause (reading the log empties it)
        assertThat(browser.consoleErrors()).singleElement().asString().contains("status of 404");
        UUID reportEmail = outboxIdOf(mailer.send(sampleReportEmail()));

        browser.open("/login");
        driver.findElement(By.id("email")).sendKeys(TestUsers.ADMIN_EMAIL);
        driver.findElement(By.id("password")).sendKeys(TestUsers.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));

        UUID recipientList = lists.create(
                        admin,
                        new RecipientListDraft(
                                team,
                                "Gallery readers",
                                "Everyone who reads the gallery schedule",
                                List.of(
                                        new RecipientInput("ada@example.com", "Ada Lovelace"),
                                        new RecipientInput("grace@example.com", "Grace Hopper"))))
                .id();
        // the pictures of templates-docs/gallery.md (desktop width), with -Pgallery also written there
        Map<String, String> gallery = Map.of(
                "/",
                "page-dashboard",
                "/schedules?owner=all",
                "page-schedules",
                "/schedules/" + schedule + "/edit",
                "page-schedule-editor",
                "/schedules/" + schedule,
                "page-schedule-detail",
                "/runs/" + run,
                "page-run",
                "/recipient-lists/" + recipientList,
                "page-recipient-list",
                "/admin/outbox",
                "page-outbox");
        List<String> pages = List.of(
                "/",
                "/teams",
                "/teams/" + team,
                "/profile",
                "/schedules?owner=all",
                "/schedules/new",
                "/schedules/" + schedule,
                "/schedules/" + schedule + "/edit",
                "/schedules/" + schedule + "/delete",
                "/runs/" + run,
                "/recipient-lists",
                "/recipient-lists/new",
                "/report-types",
                "/report-types/new",
                "/admin/data-sources",
                "/admin/data-sources/new",
                "/recipient-lists/" + recipientList,
                "/audit",
                "/admin/users",
                "/admin/users/new",
                "/admin/users/" + users.admin().id(),
                "/admin/outbox",
                "/admin/outbox/" + reportEmail,
                "/admin/settings",
                "/search?q=Gallery");
        for (String page : pages) {
            for (int width : new int[] {1280, 360}) {
                driver.manage().window().setSize(new Dimension(width, 900));
                browser.open(page);
                assertThat(driver.findElements(By.id("error"))).as(page).isEmpty();
                assertThat(driver.findElement(By.tagName("h1")).isDisplayed())
                        .as(page)
                        .isTrue();
                Long overflow = (Long) driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                Object widest = overflow > 0 ? driver.executeScript("""
                                var w = document.documentElement.clientWidth, out = [];
                                document.querySelectorAll('body *').forEach(function (e) {
                                  var r = e.getBoundingClientRect();
                                  if (r.right > w + 1 && !e.closest('.table-responsive')) {
                                    out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.width));
                                  }
                                });
                                return out.slice(0, 8).join(' | ');""") : "";
                assertThat(overflow)
                        .as("horizontal scrolling of %s at %d px: %s", page, width, widest)
                        .isLessThanOrEqualTo(0L);
                String name = "gallery"
                        + page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id")
                                .replaceAll("\\?.*", "")
                                .replace('/', '-')
                        + "-" + width;
                browser.screenshot(name.replace("gallery--", "gallery-dashboard-"));
                if (width == 1280 && gallery.containsKey(page)) {
                    browser.galleryShot(gallery.get(page));
                }
            }
        }
        // the report type's preview, run
        driver.manage().window().setSize(new Dimension(1280, 900));
        browser.open("/report-types/" + reportType);
        var preview = driver.findElement(By.id("run-preview"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", preview);
        preview.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-count")));
        driver.executeScript("document.getElementById('preview-heading').scrollIntoView({behavior: 'instant'})");
        browser.galleryShot("page-report-type-preview");
        driver.manage().window().setSize(new Dimension(1280, 900));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private UUID outboxIdOf(SendReceipt receipt) {
        return jdbc.sql("SELECT id FROM outbox_messages WHERE message_id = ? ORDER BY created_at DESC LIMIT 1")
                .param(receipt.messageId())
                .query(UUID.class)
                .single();
    }

    private static ReportEmail sampleReportEmail() {
        String table = "<table style=\"border-collapse:collapse;font-size:13px\"><tr>"
                + "<th style=\"border:1px solid #d0d7de;padding:4px 8px\">Region</th>"
                + "<th style=\"border:1px solid #d0d7de;padding:4px 8px\">Revenue</th></tr>"
                + "<tr><td style=\"border:1px solid #d0d7de;padding:4px 8px\">North</td>"
                + "<td style=\"border:1px solid #d0d7de;padding:4px 8px\">12,400.00</td></tr></table>";
        return new ReportEmail(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "gallery-reader@example.com",
                "Gallery Reader",
                Locale.ENGLISH,
                "Sales by region — March 2026",
                "Sales by region",
                "Monthly sales",
                "March 2026",
                2,
                false,
                table,
                List.of(),
                List.of(new ReportEmail.DownloadLink(
                        "sales-by-region.pdf",
                        URI.create("http://localhost/artifacts/example"),
                        Instant.parse("2026-04-08T06:00:00Z"))));
    }
}
