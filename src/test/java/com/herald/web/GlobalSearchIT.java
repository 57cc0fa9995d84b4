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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** The navbar search: what it finds, what it never shows, the htmx dropdown and the full page. */
@IntegrationTest
class GlobalSearchIT {

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

    String tag;
    UUID teamA;
    UUID teamB;
    HeraldUser viewerA;
    HeraldUser editorB;
    String typeA;
    String typeB;
    Schedule scheduleA;
    Schedule scheduleB;
    UUID listA;
    UUID listB;

    @BeforeEach
    void twoTeams() {
        tag = "q" + UUID.randomUUID().toString().substring(0, 8);
        teamA = users.createTeam();
        teamB = users.createTeam();
        viewerA = users.createMember(teamA, TeamRole.VIEWER);
        HeraldUser editorA = users.createMember(teamA, TeamRole.EDITOR);
        editorB = users.createMember(teamB, TeamRole.EDITOR);
        typeA = reports.threeRows(teamA);
        typeB = reports.threeRows(teamB);
        scheduleA = schedule(editorA, teamA, typeA, "Weekly " + tag + " sales");
        scheduleB = schedule(editorB, teamB, typeB, "Secret " + tag + " payroll");
        listA = list(teamA, "Managers " + tag);
        listB = list(teamB, "Board " + tag);
    }

    private Schedule schedule(HeraldUser owner, UUID team, String reportType, String name) {
        return manager.create(
                        owner,
                        ScheduleDraft.builder()
                                .name(name)
                                .teamId(team)
                                .reportType(reportType)
                                .parameters(Map.of())
                                .cadence(new Cadence.Daily(8, 0))
                                .timeZone("UTC")
                                .listIds(List.of())
                                .emails(List.of("search-" + UUID.randomUUID() + "@example.com"))
                                .subscriberIds(List.of())
                                .formats(List.of(ReportFormat.CSV))
                                .build())
                .schedule();
    }

    private UUID list(UUID team, String name) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO recipient_lists (id, team_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, team, name, now, now)
                .update();
        return id;
    }

    private String search(HeraldUser as, String q, boolean htmx) throws Exception {
        MockHttpServletRequestBuilder request = get("/search").param("q", q).with(user(as));
        if (htmx) {
            request = request.header("HX-Request", "true").header("HX-Target", "hits");
        }
        return HtmlUtils.htmlUnescape(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void findsSchedulesListsAndReportTypesByPartOfTheirName() throws Exception {
        String page = search(viewerA, tag.substring(1).toUpperCase(), false);
        assertThat(page).contains("Weekly " + tag + " sales").contains("/schedules/" + scheduleA.id());
        assertThat(page).contains("Managers " + tag).contains("/recipient-lists/" + listA);

        String types = search(viewerA, typeA.substring(5, 15), false);
        assertThat(types).contains("/report-types/" + typeA).doesNotContain("/report-types/" + typeB);
    }

    @Test
    void neverShowsObjectsOfAnotherTeam() throws Exception {
        String page = search(viewerA, tag, false);
        assertThat(page).doesNotContain("Secret " + tag).doesNotContain("/schedules/" + scheduleB.id());
        assertThat(page).doesNotContain("Board " + tag).doesNotContain("/recipient-lists/" + listB);

        String dropdown = search(editorB, tag, true);
        assertThat(dropdown).contains("Secret " + tag).contains("Board " + tag);
        assertThat(dropdown).doesNotContain("Weekly " + tag).doesNotContain("Managers " + tag);
    }

    @Test
    void usersAreFoundOnlyBySystemAdmins() throws Exception {
        String email = viewerA.email();
        String part = email.substring(5, 20);
        assertThat(search(viewerA, part, false)).doesNotContain("/admin/users/" + viewerA.id());
        assertThat(search(viewerA, part, true)).doesNotContain("/admin/users/" + viewerA.id());

        HeraldUser admin = users.createUserAccount(true);
        String page = search(admin, part, false);
        assertThat(page)
                .contains("/admin/users/" + viewerA.id())
                .contains(email)
                .contains("data-kind=\"users\"");
        // and a system admin sees every team's objects
        assertThat(search(admin, tag, true)).contains("Weekly " + tag).contains("Secret " + tag);
    }

    @Test
    void htmxGetsTheDropdownAndAPlainRequestTheFullPage() throws Exception {
        String dropdown = search(viewerA, tag, true);
        assertThat(dropdown.strip()).doesNotContain("<html").startsWith("<div").contains("id=\"hits\"");
        assertThat(dropdown).contains("/schedules/" + scheduleA.id()).contains("href=\"/search?q=" + tag + "\"");

        String page = search(viewerA, tag, false);
        assertThat(page)
                .contains("<html")
                .contains("id=\"search-page-results\"")
                .contains("value=\"" + tag + "\"");

        String nothing = search(viewerA, "nothing-" + tag, false);
        assertThat(nothing).contains("id=\"search-none\"");
        String empty = search(viewerA, "", true);
        assertThat(empty).contains("id=\"hits\"").contains("d-none").doesNotContain("search-hit");
    }

    @Test
    void theDropdownLimitsEachGroupAndLinksToTheFullPage() throws Exception {
        HeraldUser editorA = users.createMember(teamA, TeamRole.EDITOR);
        for (int i = 0; i < SearchController.DROPDOWN + 2; i++) {
            schedule(editorA, teamA, typeA, "Many " + tag + " " + i);
        }
        String dropdown = search(viewerA, "Many " + tag, true);
        assertThat(dropdown.split("href=\"/schedules/", -1)).hasSize(SearchController.DROPDOWN + 1);
        assertThat(dropdown).contains("All matching schedules");
        String page = search(viewerA, "Many " + tag, false);
        assertThat(page.split("href=\"/schedules/", -1)).hasSize(SearchController.DROPDOWN + 2 + 1);
    }

    @Test
    void likeWildcardsMatchThemselves() throws Exception {
        HeraldUser editorA = users.createMember(teamA, TeamRole.EDITOR);
        Schedule underscore = schedule(editorA, teamA, typeA, "w" + tag + "_x");
        Schedule other = schedule(editorA, teamA, typeA, "w" + tag + "yx");
        Schedule percent = schedule(editorA, teamA, typeA, "p" + tag + "%z");

        String page = search(viewerA, tag + "_", false);
        assertThat(page).contains("/schedules/" + underscore.id()).doesNotContain("/schedules/" + other.id());

        String pct = search(viewerA, tag + "%", false);
        assertThat(pct).contains("/schedules/" + percent.id()).doesNotContain("/schedules/" + other.id());
        assertThat(pct).doesNotContain("/schedules/" + underscore.id());
    }
}
