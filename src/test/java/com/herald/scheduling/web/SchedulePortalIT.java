package com.herald.scheduling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.Run;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleManager;
import com.herald.scheduling.ScheduleStatus;
import com.herald.support.IntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** The schedules pages over MockMvc: list filters, the editor and its preview, the detail page's actions. */
@IntegrationTest
class SchedulePortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    ScheduleManager manager;

    UUID team;
    HeraldUser viewer;
    HeraldUser editor;
    HeraldUser teamAdmin;
    String reportType;

    @BeforeEach
    void teamWithEveryRole() {
        team = users.createTeam();
        viewer = users.createMember(team, TeamRole.VIEWER);
        editor = users.createMember(team, TeamRole.EDITOR);
        teamAdmin = users.createMember(team, TeamRole.TEAM_ADMIN);
        reportType = reports.threeRows(team);
    }

    private Schedule schedule(HeraldUser owner, String name) {
        return manager.create(
                        owner,
                        new ScheduleDraft(
                                name,
                                null,
                                team,
                                reportType,
                                Map.of(),
                                new Cadence.Daily(8, 0),
                                "Europe/Berlin",
                                null,
                                null,
                                List.of(),
                                List.of("portal-" + UUID.randomUUID() + "@example.com"),
                                List.of(),
                                List.of(ReportFormat.CSV),
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
                .schedule();
    }

    private String page(HeraldUser as, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String target) {
        return request.header("HX-Request", "true").header("HX-Target", target).with(csrf().asHeader());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void theListShowsMySchedulesFirstAndFiltersSearchesSortsAndPages() throws Exception {
        String prefix = "Filter " + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 27; i++) {
            schedule(editor, "%s mine %02d".formatted(prefix, i));
        }
        Schedule others = schedule(teamAdmin, prefix + " admin's");
        manager.pause(teamAdmin, others.id());

        String mine = page(editor, get("/schedules").param("team", team.toString()));
        assertThat(mine).contains("27 schedules").contains(prefix + " mine 00").doesNotContain("admin&#39;s");
        assertThat(mine).doesNotContain("coming soon");

        String all = page(editor, get("/schedules").param("owner", "all").param("team", team.toString()));
        assertThat(all).contains("28 schedules");

        String page2 = page(
                editor,
                get("/schedules")
                        .param("team", team.toString())
                        .param("page", "2")
                        .param("sort", "name"));
        assertThat(page2).contains(prefix + " mine 25", prefix + " mine 26").doesNotContain(prefix + " mine 24");

        String descending = page(
                editor,
                get("/schedules")
                        .param("team", team.toString())
                        .param("sort", "name")
                        .param("dir", "desc"));
        assertThat(descending.indexOf(prefix + " mine 26")).isLessThan(descending.indexOf(prefix + " mine 25"));

        String paused = page(
                viewer,
                get("/schedules")
                        .param("owner", "all")
                        .param("status", "paused")
                        .param("team", team.toString()));
        assertThat(paused).contains("1 schedule").contains(HtmlUtils.htmlEscape(prefix + " admin's"));

        // search as you type: htmx gets the results fragment only
        String fragment =
                page(editor, htmx(get("/schedules").param("q", "MINE 1").param("team", team.toString()), "results"));
        assertThat(fragment).doesNotContain("<html").contains("id=\"results\"").contains("10 schedules");
        assertThat(fragment).contains(prefix + " mine 10").doesNotContain(prefix + " mine 09");

        String byType = page(editor, get("/schedules").param("owner", "all").param("reportType", "no_such_type"));
        assertThat(byType).contains("id=\"schedules-empty\"").contains("No schedule matches");
    }

    @Test
    void anEmptyListSaysWhatToDoNext() throws Exception {
        HeraldUser newcomer = users.createMember(users.createTeam(), TeamRole.EDITOR);
        assertThat(page(newcomer, get("/schedules")))
                .contains("Create your first schedule")
                .contains("href=\"/schedules/new\"");
        HeraldUser onlyViewer = users.createMember(users.createTeam(), TeamRole.VIEWER);
        assertThat(page(onlyViewer, get("/schedules")))
                .contains("id=\"schedules-empty\"")
                .doesNotContain("Create your first schedule");
    }

    @Test
    void createWithErrorsKeepsEveryInputAndShowsEachErrorAtItsField() throws Exception {
        String body = page(
                editor,
                post("/schedules")
                        .with(csrf())
                        .param("name", "")
                        .param("teamId", team.toString())
                        .param("reportType", reportType)
                        .param("frequency", "daily")
                        .param("time", "25:61")
                        .param("timeZone", "Europe/Berlin")
                        .param("emails", "ok@example.com, not-an-address")
                        .param("formats", "csv")
                        .param("subject", "{{nope}}")
                        .param("timeoutSeconds", "soon")
                        .param("maxRetries", "99"));
        assertThat(body).contains("The schedule was not saved");
        assertThat(body).contains("id=\"name-error\"");
        assertThat(body).contains("id=\"time-error\"").contains("must be between 0 and 23");
        assertThat(body).containsPattern("id=\"time\"[^>]*value=\"25:61\"");
        assertThat(body).contains("id=\"emails-error\"").contains("&quot;not-an-address&quot; is not a valid email");
        assertThat(body).contains("ok@example.com, not-an-address");
        assertThat(body).contains("id=\"subject-error\"").contains("Unknown variable");
        assertThat(body).containsPattern("id=\"timeoutSeconds\"[^>]*value=\"soon\"");
        assertThat(body).contains("id=\"timeoutSeconds-error\"").contains("Enter a whole number.");
        assertThat(body).contains("id=\"maxRetries-error\"").contains("from 0 to 10");
        assertThat(body).containsPattern("<details[^>]*id=\"advanced\"[^>]*open");

        // htmx: the same form as a fragment, with status 200 so htmx swaps it
        String fragment = page(
                editor,
                htmx(post("/schedules"), "schedule-form")
                        .param("name", "Fragment")
                        .param("teamId", team.toString())
                        .param("reportType", reportType)
                        .param("frequency", "cron")
                        .param("expression", "0 0 25 * * ?")
                        .param("timeZone", "Europe/Berlin")
                        .param("subscribeMe", "true"));
        assertThat(fragment).doesNotContain("<html").contains("id=\"schedule-form\"");
        assertThat(fragment).contains("id=\"expression-error\"").contains("0 0 25 * * ?");
    }

    @Test
    void createSavesAndRedirectsToTheDetailPageWithAToast() throws Exception {
        String name = "Created " + UUID.randomUUID();
        MvcResult result = mvc.perform(post("/schedules")
                        .with(user(editor))
                        .with(csrf())
                        .param("name", name)
                        .param("teamId", team.toString())
                        .param("reportType", reportType)
                        .param("frequency", "weekly")
                        .param("daysOfWeek", "MON", "THU")
                        .param("time", "08:30")
                        .param("timeZone", "Europe/Berlin")
                        .param("emails", "a@example.com\nb@example.com")
                        .param("subscribeMe", "true")
                        .param("formats", "csv", "xlsx")
                        .param("subject", "{{report}} — {{period}}"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/schedules/*"))
                .andExpect(flash().attributeExists("toast"))
                .andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().substring("/schedules/".length()));
        Schedule saved = manager.get(editor, id);
        assertThat(saved.cadenceDescription()).isEqualTo("Every Monday and Thursday at 08:30, Europe/Berlin");
        assertThat(saved.emails()).containsExactly("a@example.com", "b@example.com");
        assertThat(saved.subscriberIds()).containsExactly(editor.id());
        assertThat(saved.formats()).containsExactly(ReportFormat.CSV, ReportFormat.XLSX);

        String detail = page(editor, get("/schedules/" + id));
        assertThat(detail).contains("Every Monday and Thursday at 08:30, Europe/Berlin");
        assertThat(detail).contains("id=\"next-runs\"").contains("Unsubscribe me");

        // the editor opens with what was saved; a stale version is refused with the input kept
        String edit = page(editor, get("/schedules/" + id + "/edit"));
        assertThat(edit).contains("value=\"08:30\"").containsPattern("value=\"THU\"[^>]*checked");
        manager.pause(editor, id);
        String stale = page(
                editor,
                post("/schedules/" + id + "/edit")
                        .with(csrf())
                        .param("version", String.valueOf(saved.version()))
                        .param("name", name + " renamed")
                        .param("reportType", reportType)
                        .param("frequency", "daily")
                        .param("time", "09:15")
                        .param("timeZone", "Europe/Berlin")
                        .param("emails", "a@example.com")
                        .param("formats", "csv")
                        .param("subject", "x"));
        assertThat(stale).contains("Someone else changed this schedule").contains(name + " renamed");
        assertThat(stale).contains("value=\"09:15\"");
    }

    @Test
    void thePreviewShowsTheNextFireTimesInBothZonesAndFlagsTheDstShiftedOne() throws Exception {
        HeraldUser newYorker = users.createMember(team, TeamRole.EDITOR);
        String body = page(
                editor,
                htmx(post("/schedules/preview"), "preview")
                        .param("frequency", "daily")
                        .param("time", "02:30")
                        .param("timeZone", "Europe/Berlin")
                        .param("startAt", "2027-03-27T00:00"));
        assertThat(body).doesNotContain("<html").contains("id=\"preview\"");
        assertThat(body).contains("Every day at 02:30, Europe/Berlin");
        assertThat(count(body, "class=\"preview-fire\"")).isEqualTo(10);
        // 28 March 2027: 02:30 does not exist in Berlin, the fire moves to 03:00 and is flagged
        assertThat(body).contains("Sat 2027-03-27 02:30").contains("Sun 2027-03-28 03:00");
        assertThat(count(body, "dst-shifted")).isEqualTo(1);
        // the viewer (UTC) sees their own time next to the schedule's
        assertThat(body).contains("Your time (UTC)").contains("Sun 2027-03-28 01:00");
        assertThat(newYorker).isNotNull();

        String broken = page(
                editor,
                htmx(post("/schedules/preview"), "preview")
                        .param("frequency", "daily")
                        .param("time", "24:00")
                        .param("timeZone", "Europe/Berlin"));
        assertThat(broken).contains("id=\"preview-errors\"").contains("must be between 0 and 23");
        String cron = page(
                editor,
                htmx(post("/schedules/preview"), "preview")
                        .param("frequency", "cron")
                        .param("expression", "0 0 8 * *")
                        .param("timeZone", "Europe/Berlin"));
        assertThat(cron).contains("id=\"preview-errors\"").contains("must have 6 or 7 fields");
    }

    @Test
    void theEditorLoadsParametersAndListsOfWhatIsChosen() throws Exception {
        String parameters =
                page(editor, htmx(get("/schedules/editor/parameters").param("reportType", reportType), "parameters"));
        assertThat(parameters).contains("id=\"parameters\"").contains("has no parameters");
        String lists = page(editor, htmx(get("/schedules/editor/lists").param("teamId", team.toString()), "lists"));
        assertThat(lists).contains("id=\"lists\"").contains("no recipient lists yet");
        assertThat(page(editor, get("/schedules/new")))
                .contains("id=\"schedule-form\"")
                .contains("id=\"preview\"");
        mvc.perform(get("/schedules/new").with(user(viewer))).andExpect(status().isForbidden());
    }

    @Test
    void runNowPauseResumeSubscribeAndDeleteFromTheDetailPage() throws Exception {
        Schedule schedule = schedule(editor, "Actions " + UUID.randomUUID());
        String path = "/schedules/" + schedule.id();

        // run now over htmx: the run history comes back with the new run, which polls itself until final
        String runs = page(editor, htmx(post(path + "/run"), "runs"));
        assertThat(runs).doesNotContain("<html").contains("id=\"runs\"").contains("Run of &quot;");
        Matcher row = Pattern.compile("id=\"run-([0-9a-f-]{36})\"").matcher(runs);
        assertThat(row.find()).isTrue();
        UUID runId = UUID.fromString(row.group(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> manager.run(editor, runId).status().isFinal());
        Run run = manager.run(editor, runId);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        String finalRow = page(editor, htmx(get("/runs/" + runId), "run-" + runId));
        assertThat(finalRow).startsWith("<tr").contains("Succeeded").doesNotContain("every 2s");

        String runPage = page(viewer, get("/runs/" + runId));
        assertThat(runPage).contains("id=\"deliveries-table\"").contains("id=\"artifacts\"");
        MvcResult started = mvc.perform(get("/runs/" + runId + "/artifact")
                        .param("format", "csv")
                        .with(user(viewer)))
                .andExpect(request().asyncStarted())
                .andReturn();
        MvcResult download = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8"))
                .andReturn();
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment");
        assertThat(download.getResponse().getContentAsString()).contains("row 2");
        mvc.perform(get("/runs/" + runId + "/artifact").param("format", "pdf").with(user(viewer)))
                .andExpect(status().isNotFound());

        // a viewer sees but may not run; may subscribe
        mvc.perform(post(path + "/run").with(user(viewer)).with(csrf())).andExpect(status().isForbidden());
        assertThat(page(viewer, get(path))).doesNotContain("id=\"run-now\"").contains("id=\"subscribe\"");
        mvc.perform(post(path + "/subscribe")
                        .param("subscribed", "true")
                        .with(user(viewer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(manager.get(viewer, schedule.id()).subscribed(viewer.id())).isTrue();

        mvc.perform(post(path + "/pause").with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("toast"));
        assertThat(manager.get(editor, schedule.id()).status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(page(editor, get(path))).contains("id=\"resume-schedule\"").contains("id=\"paused-note\"");
        mvc.perform(post(path + "/resume").with(user(editor)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(manager.get(editor, schedule.id()).status()).isEqualTo(ScheduleStatus.ACTIVE);

        assertThat(page(editor, get(path + "/delete"))).contains("stay in the run history");
        mvc.perform(post(path + "/delete").with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("toast"));
        mvc.perform(get(path).with(user(editor))).andExpect(status().isNotFound());
    }
}
