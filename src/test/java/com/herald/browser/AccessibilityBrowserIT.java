package com.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.delivery.ReportEmail;
import com.herald.delivery.ReportMailer;
import com.herald.delivery.SendReceipt;
import com.herald.delivery.Unsubscribes;
import com.herald.identity.HeraldUser;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * axe-core (the webjar, injected by WebDriver: the CSP forbids it for the page's own scripts) finds no
 * violation of WCAG 2.0/2.1 A and AA nor of its best practices on any page of the portal, signed out, as
 * system admin and as a team member, at desktop width and at 360 px, and in a few states (form errors, an
 * open menu). A failure lists every violation with its rule, impact and the elements' selectors.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserIT {

    /**
     * The pages to check, one a line. {@code {placeholders}} are replaced by the fixture's ids (see
     * {@link #fixture()}): team, schedule, run, list, reportType, dataSource, user, outbox, missing.
     */
    static final List<String> PUBLIC_PAGES = List.of(
            "/login", "/forgot-password", "/reset-password/x", "/invitations/x", "{unsubscribe}", "/unsubscribe/x");

    static final List<String> ADMIN_PAGES = List.of(
            "/",
            "/schedules?owner=all",
            "/schedules?q=no-such-schedule-anywhere",
            "/schedules/new",
            "/schedules/{schedule}",
            "/schedules/{schedule}/edit",
            "/schedules/{schedule}/delete",
            "/runs/{run}",
            "/recipient-lists",
            "/recipient-lists/new",
            "/recipient-lists/{list}",
            "/recipient-lists/{list}/edit",
            "/recipient-lists/{list}/delete",
            "/report-types",
            "/report-types/new",
            "/report-types/{reportType}",
            "/report-types/{reportType}/edit",
            "/admin/data-sources",
            "/admin/data-sources/new",
            "/admin/data-sources/{dataSource}",
            "/teams",
            "/teams/{team}",
            "/admin/users",
            "/admin/users/new",
            "/admin/users/{user}",
            "/profile",
            "/audit",
            "/admin/outbox",
            "/admin/outbox/{outbox}",
            "/admin/settings",
            "/search?q=e",
            "/search?q=no-such-thing-anywhere",
            "/schedules/{missing}");

    /** A team editor: no admin menu, fewer buttons, and the 403 page. */
    static final List<String> MEMBER_PAGES = List.of(
            "/",
            "/schedules",
            "/schedules/{schedule}",
            "/recipient-lists",
            "/teams/{team}",
            "/profile",
            "/admin/users");

    static final String AXE_RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})
              .then(function (r) {
                done(r.violations.map(function (v) {
                  return v.id + ' (' + v.impact + '): ' + v.help + ' at '
                    + v.nodes.slice(0, 6).map(function (n) { return n.target.join(' '); }).join(', ');
                }));
              })
              .catch(function (e) { done(['axe failed: ' + e]); });""";

    /** Null when the focused element shows its focus, else the start of its markup. */
    static final String FOCUS_SHOWN = """
            var e = document.activeElement, s = getComputedStyle(e);
            if (e === document.body) { return null; }
            var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            var shadow = s.boxShadow && s.boxShadow !== 'none';
            return outline || shadow ? null : e.outerHTML.substring(0, 120);""";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    ScheduleManager schedules;

    @Autowired
    RecipientListManager lists;

    @Autowired
    Unsubscribes unsubscribes;

    @Autowired
    ReportMailer mailer;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    String axe;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    void start() throws IOException {
        browser = new Browser("http://localhost:" + port);
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("axe-core webjar").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void everyPagePassesAxe() {
        var driver = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(15));
        Fixture fixture = fixture();

        for (String page : PUBLIC_PAGES) {
            checkAtBothWidths("anonymous", fixture.resolve(page));
        }
        // the login form with an error
        browser.open("/login");
        driver.findElement(By.id("email")).sendKeys("nobody@example.com");
        driver.findElement(By.id("password")).sendKeys("wrong password");
        click(driver.findElement(By.cssSelector("#login-form button[type=submit]")));
        wait.until(ExpectedConditions.urlContains("error"));
        check("anonymous, login failed", "login-error");

        signIn(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        for (String page : ADMIN_PAGES) {
            checkAtBothWidths("admin", fixture.resolve(page));
        }
        // forms sent with errors (plain POST, the page with its inline errors)
        for (String form : List.of("/schedules/new#schedule-form", "/recipient-lists/new#list-form")) {
            String[] parts = form.split("#");
            browser.open(parts[0]);
            driver.executeScript("document.getElementById(arguments[0]).submit();", parts[1]);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".is-invalid")));
            check("admin, " + parts[0] + " with errors", "errors");
        }
        // a report type's preview, run (its result table)
        browser.open(fixture.resolve("/report-types/{reportType}"));
        click(driver.findElement(By.id("run-preview")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-count")));
        check("admin, report type preview run", "preview");
        // the open account menu
        browser.open("/");
        click(driver.findElement(By.id("account-menu")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
        check("admin, account menu open", "menu");
        // the navigation collapsed at 360 px, opened
        driver.manage().window().setSize(new Dimension(360, 800));
        browser.open("/");
        click(driver.findElement(By.cssSelector(".navbar-toggler")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-menu")));
        check("admin, navigation open at 360 px", "nav");
        driver.manage().window().setSize(new Dimension(1280, 900));
        keyboard(fixture.resolve("/schedules/{schedule}"));
        keyboard("/admin/settings");
        signOut();

        signIn(fixture.member.email(), TestUsers.PASSWORD);
        for (String page : MEMBER_PAGES) {
            checkAtBothWidths("member", fixture.resolve(page));
        }

        assertThat(violations)
                .as("axe-core violations (rule (impact): help at selectors)")
                .isEmpty();
    }

    private void checkAtBothWidths(String who, String path) {
        for (int width : new int[] {1280, 360}) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.open(path);
            check(who + ", " + path + " at " + width + " px", "");
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @SuppressWarnings("unchecked")
    private void check(String where, String state) {
        var driver = browser.driver();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeScript(axe);
        List<String> found = (List<String>) driver.executeAsyncScript(AXE_RUN);
        for (String violation : found) {
            violations.add(where + (state.isEmpty() ? "" : " [" + state + "]") + ": " + violation);
        }
    }

    /**
     * With the keyboard: the first Tab shows the skip link, which leads into the main content, and every
     * element the next Tabs reach shows where the focus is (an outline or Bootstrap's focus shadow).
     */
    private void keyboard(String path) {
        var driver = browser.driver();
        browser.open(path);
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();
        assertThat(skip.getAttribute("href")).as("first Tab on %s", path).endsWith("#main");
        assertThat(skip.getSize().getWidth()).as("skip link visible").isGreaterThan(1);
        skip.sendKeys(Keys.ENTER);
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat((Boolean) driver.executeScript(
                        "return document.getElementById('main').contains(document.activeElement);"))
                .as("Tab after the skip link on %s lands in main", path)
                .isTrue();
        browser.open(path);
        for (int i = 0; i < 30; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            String unseen = (String) driver.executeScript(FOCUS_SHOWN);
            if (unseen != null) {
                violations.add("keyboard, " + path + ": focus not visible on " + unseen);
            }
        }
    }

    private void signIn(String email, String password) {
        var driver = browser.driver();
        browser.open("/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        click(driver.findElement(By.cssSelector("#login-form button[type=submit]")));
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-heading")));
    }

    private void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    private void click(WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'center'});", element);
        element.click();
    }

    record Fixture(Map<String, String> ids, HeraldUser member) {

        String resolve(String page) {
            String path = page;
            for (var id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            return path;
        }
    }

    private Fixture fixture() {
        HeraldUser admin = users.admin();
        UUID team = users.createTeam();
        HeraldUser member = users.createMember(team, TeamRole.EDITOR);
        String reportType = reports.threeRows(team);
        UUID schedule = schedules
                .create(
                        admin,
                        ScheduleDraft.builder()
                                .name("Accessible schedule")
                                .description("Checked by axe-core.")
                                .teamId(team)
                                .reportType(reportType)
                                .cadence(new Cadence.Daily(7, 15))
                                .timeZone("Europe/Berlin")
                                .emails(List.of("axe@example.com"))
                                .formats(List.of(ReportFormat.CSV))
                                .build())
                .schedule()
                .id();
        UUID run = schedules.trigger(admin, schedule).id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> schedules.run(admin, run).status().isFinal());
        UUID list = lists.create(
                        admin,
                        new RecipientListDraft(
                                team,
                                "Accessible list "
                                        + UUID.randomUUID().toString().substring(0, 6),
                                "Readers of the accessible schedule",
                                List.of(new RecipientInput("reader@example.com", "Reader"))))
                .id();
        UUID dataSource = jdbc.sql("SELECT id FROM data_sources ORDER BY created_at LIMIT 1")
                .query(UUID.class)
                .single();
        Map<String, String> ids = new HashMap<>();
        ids.put("team", team.toString());
        ids.put("schedule", schedule.toString());
        ids.put("run", run.toString());
        ids.put("list", list.toString());
        ids.put("reportType", reportType);
        ids.put("dataSource", dataSource.toString());
        ids.put("user", member.id().toString());
        ids.put("outbox", outboxIdOf(mailer.send(sampleEmail())).toString());
        ids.put("missing", UUID.randomUUID().toString());
        ids.put("unsubscribe", unsubscribes.url(schedule, "axe@example.com").getPath());
        return new Fixture(Map.copyOf(ids), member);
    }

    private UUID outboxIdOf(SendReceipt receipt) {
        return jdbc.sql("SELECT id FROM outbox_messages WHERE message_id = ? ORDER BY created_at DESC LIMIT 1")
                .param(receipt.messageId())
                .query(UUID.class)
                .single();
    }

    static ReportEmail sampleEmail() {
        return new ReportEmail(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "axe-reader@example.com",
                "Axe Reader",
                Locale.ENGLISH,
                "Sales by region — March 2026",
                "Sales by region",
                "Monthly sales",
                "March 2026",
                1,
                false,
                "<table><tr><td>North</td></tr></table>",
                List.of(),
                List.of(new ReportEmail.DownloadLink(
                        "sales.pdf",
                        URI.create("http://localhost/artifacts/x"),
                        Instant.parse("2026-04-08T06:00:00Z"))));
    }
}
