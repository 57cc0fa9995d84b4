package com.herald.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleManager;
import com.herald.support.IntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** The dashboard: scoped to the user's teams (global for system admins), charts that count the runs. */
@IntegrationTest
class DashboardIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    ScheduleManager manager;

    @Autowired
    JdbcClient jdbc;

    UUID teamA;
    UUID teamB;
    HeraldUser editorA;
    HeraldUser editorB;
    Schedule nextA;
    Schedule pausedA;
    Schedule nextB;
    Schedule autoPausedB;
    String suffix;

    @BeforeEach
    void twoTeams() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        teamA = users.createTeam();
        teamB = users.createTeam();
        editorA = users.createMember(teamA, TeamRole.EDITOR);
        editorB = users.createMember(teamB, TeamRole.EDITOR);
        String typeA = reports.threeRows(teamA);
        String typeB = reports.threeRows(teamB);
        nextA = schedule(editorA, teamA, typeA, "Next A " + suffix);
        pausedA = manager.pause(
                editorA, schedule(editorA, teamA, typeA, "Paused A " + suffix).id());
        nextB = schedule(editorB, teamB, typeB, "Next B " + suffix);
        autoPausedB = schedule(editorB, teamB, typeB, "Auto B " + suffix);
        jdbc.sql("UPDATE schedules SET status = 'PAUSED', next_run_at = NULL, paused_reason = ? WHERE id = ?")
                .params("Paused automatically after 3 failed runs in a row: boom " + suffix, autoPausedB.id())
                .update();
    }

    private Schedule schedule(HeraldUser owner, UUID team, String reportType, String name) {
        return manager.create(
                        owner,
                        ScheduleDraft.builder()
                                .name(name)
                                .teamId(team)
                                .reportType(reportType)
                                .parameters(Map.of())
                                .cadence(new Cadence.Daily(3, 17))
                                .timeZone("UTC")
                                .listIds(List.of())
                                .emails(List.of("dash-" + UUID.randomUUID() + "@example.com"))
                                .subscriberIds(List.of())
                                .formats(List.of(ReportFormat.CSV))
                                .build())
                .schedule();
    }

    private UUID run(Schedule schedule, String status, Instant nominal, String category, String message) {
        UUID id = UUID.randomUUID();
        LocalDateTime at = LocalDateTime.ofInstant(nominal, ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO runs (id, schedule_id, team_id, schedule_name, nominal_time, trigger_kind, attempt,
                            status, started_at, finished_at, error_category, error_message, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'MANUAL', 1, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        schedule.id(),
                        schedule.teamId(),
                        schedule.name(),
                        at,
                        status,
                        at,
                        at.plusSeconds(5),
                        category,
                        message,
                        at,
                        at)
                .update();
        return id;
    }

    private String page(HeraldUser as, String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void aTeamMemberSeesOnlyTheirTeamsNextRunsFailuresAndPausedSchedules() throws Exception {
        UUID failedA = run(nextA, "FAILED", Instant.now().minus(Duration.ofHours(5)), "query", "bad SQL " + suffix);
        UUID failedB = run(nextB, "TIMED_OUT", Instant.now().minus(Duration.ofHours(4)), "timeout", "slow " + suffix);

        String a = page(editorA, "/");
        assertThat(a).contains("Next A " + suffix).doesNotContain("Next B " + suffix);
        assertThat(a).contains("/runs/" + failedA).contains("bad SQL " + suffix).contains("Query error");
        assertThat(a).doesNotContain("/runs/" + failedB).doesNotContain("slow " + suffix);
        assertThat(a).contains("Paused A " + suffix).contains("Paused by hand").doesNotContain("Auto B " + suffix);
        assertThat(a).contains("/schedules/" + pausedA.id() + "/resume");
        // the next-runs table links the schedule, with its report type
        assertThat(section(a, "next-runs")).contains("/schedules/" + nextA.id()).contains("03:17");

        String b = page(editorB, "/");
        assertThat(b).contains("Next B " + suffix).contains("/runs/" + failedB).contains("Timed out");
        assertThat(b)
                .contains("Auto B " + suffix)
                .contains("Paused automatically")
                .contains("boom " + suffix);
        assertThat(b).doesNotContain("Next A " + suffix).doesNotContain("Paused A " + suffix);
    }

    @Test
    void aViewerSeesPausedSchedulesWithoutTheResumeButton() throws Exception {
        HeraldUser viewer = users.createMember(teamA, TeamRole.VIEWER);
        String page = page(viewer, "/");
        assertThat(page).contains("Paused A " + suffix).doesNotContain("/schedules/" + pausedA.id() + "/resume");
    }

    @Test
    void aSystemAdminSeesEveryTeamAndMayNarrowToOne() throws Exception {
        HeraldUser admin = users.createUserAccount(true);
        UUID failedA = run(nextA, "FAILED", Instant.now().minus(Duration.ofMinutes(30)), "query", "a " + suffix);
        UUID failedB = run(nextB, "FAILED", Instant.now().minus(Duration.ofMinutes(20)), "render", "b " + suffix);

        String all = page(admin, "/");
        assertThat(all).contains("/runs/" + failedA).contains("/runs/" + failedB);
        assertThat(all).contains("id=\"dashboard-team\"");

        String onlyB = page(admin, "/?team=" + teamB);
        assertThat(onlyB).contains("/runs/" + failedB).doesNotContain("/runs/" + failedA);
        assertThat(onlyB).contains("Next B " + suffix).doesNotContain("Next A " + suffix);
        assertThat(onlyB).contains("Auto B " + suffix).doesNotContain("Paused A " + suffix);

        // a team the user may not see is ignored, not shown
        String foreign = page(editorA, "/?team=" + teamB);
        assertThat(foreign).doesNotContain("/runs/" + failedB).contains("/runs/" + failedA);
    }

    @Test
    void theChartsCountTheRunsOfEachDay() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        for (int i = 0; i < 3; i++) {
            run(nextA, "SUCCEEDED", noon.plusSeconds(i), null, null);
        }
        run(nextA, "EMPTY", noon.plusSeconds(10), null, null);
        run(nextA, "FAILED", noon.plusSeconds(20), "query", "x");
        run(nextA, "MISSED", noon.plusSeconds(30), null, null);
        // older than 30 days: not counted
        run(nextA, "SUCCEEDED", noon.minus(Duration.ofDays(40)), null, null);

        String page = page(editorA, "/");
        String bar = dayGroup(section(page, "volume-chart"), day.toString());
        assertThat(bar).contains("class=\"chart-succeeded\"").contains("data-count=\"4\"");
        assertThat(bar).contains("class=\"chart-failed\"").contains("data-count=\"1\"");
        assertThat(bar).contains("class=\"chart-other\"");
        assertThat(bar).contains("4 succeeded, 1 failed, 1 skipped or missed");
        assertThat(section(page, "rate-chart")).contains("data-rate=\"80\"");
        assertThat(page).contains("Last 30 days: 6 runs, 4 succeeded, 1 failed, success rate 80 %.");
        assertThat(page).contains("role=\"img\"").contains("aria-labelledby=\"volume-title volume-desc\"");
        // the text alternative has the same numbers
        assertThat(page)
                .containsPattern("data-date=\"" + day + "\">\\s*<th[^>]*>[^<]*</th>\\s*<td[^>]*>4</td>\\s*"
                        + "<td[^>]*>1</td>\\s*<td[^>]*>1</td>\\s*<td[^>]*>80 %</td>");
    }

    @Test
    void emptyStatesSayWhatToDoNext() throws Exception {
        UUID lonely = users.createTeam();
        HeraldUser newcomer = users.createMember(lonely, TeamRole.EDITOR);
        String page = page(newcomer, "/");
        assertThat(page).contains("id=\"dashboard-empty\"").contains("href=\"/schedules/new\"");
        assertThat(page).contains("id=\"next-runs-empty\"").contains("id=\"failures-empty\"");
        assertThat(page).contains("id=\"paused-empty\"").contains("id=\"charts-empty\"");
        assertThat(page).doesNotContain("id=\"dashboard-team\"");
    }

    @Test
    void timesAreInTheUsersZoneAndLanguage() throws Exception {
        HeraldUser member = users.createMember(teamA, TeamRole.VIEWER);
        HeraldUser german = new HeraldUser(
                member.id(), member.email(), "Test User", null, false, true, false, "Asia/Kolkata", "de");
        String page = page(german, "/");
        assertThat(page).contains("Ausführungen in den nächsten 24 Stunden").contains("Zeiten in Asia/Kolkata.");
        // 03:17 UTC is 08:47 in India (no daylight saving time there)
        assertThat(section(page, "next-runs")).contains("Next A " + suffix).contains("08:47");
    }

    /** The element with that id, up to its end (good enough for the flat markup here). */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #" + id).isNotNegative();
        String tag = id.endsWith("chart") ? "</svg>" : "</section>";
        int end = page.indexOf(tag, start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static String dayGroup(String svg, String date) {
        Matcher m = Pattern.compile("data-date=\"" + date + "\">(.*?)</g>", Pattern.DOTALL)
                .matcher(svg);
        assertThat(m.find()).as("bar of " + date).isTrue();
        return m.group(1);
    }
}
