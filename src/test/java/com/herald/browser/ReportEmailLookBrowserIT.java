package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.identity.HeraldUser;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleManager;
import com.herald.support.Browser;
import com.herald.support.IntegrationTest;
import com.herald.support.Outbox;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HTML part of a real report email (a schedule run with the HTML format, taken from the outbox) as a mail
 * client would show it: opened from a file in Chromium, screenshots in light and dark colour scheme, and the
 * rules of mail HTML checked — no style sheet, no script, inline styles on every cell, explicit colours on the
 * body, a colour-scheme declaration, images with alt, and no horizontal scrolling at 360 px.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportEmailLookBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    ScheduleManager schedules;

    @Autowired
    Outbox outbox;

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

    @Test
    void theReportEmailLooksRightInLightAndDarkAndAt360Pixels() throws Exception {
        HeraldUser admin = users.admin();
        UUID team = users.createTeam();
        String reportType = reports.create(team, """
                SELECT region, revenue, orders FROM (
                  SELECT 'North' AS region, 12400.50 AS revenue, 132 AS orders
                  UNION ALL SELECT 'East', 9870.00, 97
                  UNION ALL SELECT 'South', 15110.25, 161
                  UNION ALL SELECT 'West', 7045.75, 64) t
                WHERE :period_end IS NOT NULL ORDER BY region""", null);
        jdbc.sql("UPDATE report_types SET name = 'Sales by region' WHERE type_key = ?")
                .param(reportType)
                .update();
        String address = "look-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID schedule = schedules
                .create(
                        admin,
                        ScheduleDraft.builder()
                                .name("Monthly sales")
                                .teamId(team)
                                .reportType(reportType)
                                .parameters(Map.of())
                                .cadence(new Cadence.Daily(6, 0))
                                .timeZone("Europe/Berlin")
                                .emails(List.of(address))
                                .formats(List.of(ReportFormat.HTML, ReportFormat.CSV))
                                .build())
                .schedule()
                .id();
        UUID run = schedules.trigger(admin, schedule).id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> schedules.run(admin, run).status().isFinal());
        assertThat(schedules.run(admin, run).status()).isEqualTo(RunStatus.SUCCEEDED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !outbox.to(address)
                .isEmpty());
        String html = htmlPart(outbox.to(address).getLast()).orElseThrow();
        Path file = Files.createDirectories(Browser.SCREENSHOTS).resolve("report-email.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);

        var driver = browser.driver();
        driver.manage().window().setSize(new Dimension(900, 1000));
        driver.get(file.toAbsolutePath().toUri().toString());

        assertThat(count("link[rel~=stylesheet], style, script"))
                .as("style sheets and scripts")
                .isZero();
        assertThat(count("table")).isPositive();
        assertThat(count("td:not([style]), th:not([style])"))
                .as("cells without inline style")
                .isZero();
        assertThat(count("img:not([alt])")).as("images without alt").isZero();
        assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("td")))
                .isNotEmpty();
        String bodyStyle = (String) driver.executeScript("return document.body.getAttribute('style') || '';");
        assertThat(bodyStyle).as("body colours").contains("background-color:").containsPattern("(^|;)\\s*color:");
        String scheme = (String) driver.executeScript(
                "var m = document.querySelector('meta[name=color-scheme]'); return m ? m.content : '';");
        assertThat(scheme).as("colour scheme").isIn("light only", "light dark", "only light");
        assertThat(driver.findElement(org.openqa.selenium.By.tagName("body")).getText())
                .contains("Sales by region")
                .contains("North")
                .contains("15110.25");

        browser.galleryShot("email-report-light");
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertThat((Boolean) driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches;"))
                .isTrue();
        browser.galleryShot("email-report-dark");
        // light only: the page's own colours stay as they are under a dark preference
        assertThat(driver.executeScript("return getComputedStyle(document.body).backgroundColor;"))
                .isEqualTo("rgb(238, 241, 244)");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

        driver.manage().window().setSize(new Dimension(360, 900));
        driver.navigate().refresh();
        Long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("horizontal scrolling at 360 px").isLessThanOrEqualTo(0L);
        browser.galleryShot("email-report-360");
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private long count(String selector) {
        return (Long)
                browser.driver().executeScript("return document.querySelectorAll(arguments[0]).length;", selector);
    }

    private static Optional<String> htmlPart(Part part) throws Exception {
        if (part.isMimeType("text/html") && part.getFileName() == null) {
            return Optional.of((String) part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = htmlPart(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
