package com.herald.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleManager;
import com.herald.support.IntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A user whose profile says German sees the portal in German, umlauts intact, dates in German. */
@IntegrationTest
class GermanPortalIT {

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

    UUID team;
    HeraldUser german;
    HeraldUser english;
    String reportType;

    @BeforeEach
    void germanEditor() {
        team = users.createTeam();
        english = users.createMember(team, TeamRole.EDITOR);
        HeraldUser created = users.createMember(team, TeamRole.EDITOR);
        jdbc.sql("UPDATE users SET locale = 'de' WHERE id = ?")
                .param(created.id())
                .update();
        german = new HeraldUser(created.id(), created.email(), "Erika Müller", null, false, true, false, "UTC", "de");
        reportType = reports.threeRows(team);
    }

    private String page(HeraldUser as, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result =
                mvc.perform(request.with(user(as))).andExpect(status().isOk()).andReturn();
        MediaType type = MediaType.parseMediaType(result.getResponse().getContentType());
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDashboardIsGermanWithItsUmlautsIntact() throws Exception {
        String body = page(german, get("/"));
        assertThat(body)
                .contains("<html lang=\"de\"")
                .contains("Willkommen, Erika Müller")
                .contains("Ausführungen in den nächsten 24 Stunden")
                .contains("Übersicht")
                .contains("Zeitpläne")
                .contains("Zum Hauptinhalt springen")
                .doesNotContain("Runs in the next 24 hours")
                .doesNotContain("Ã") // UTF-8 read as ISO-8859-1
                .doesNotContain("\\u00");

        String inEnglish = page(english, get("/"));
        assertThat(inEnglish).contains("<html lang=\"en\"").contains("Runs in the next 24 hours");
    }

    @Test
    void beforeSignInTheBrowserLanguageDecides() throws Exception {
        String body = mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Bei Herald anmelden").contains("Passwort vergessen?");
    }

    @Test
    void theSchedulesListIsGermanWithGermanRelativeTimes() throws Exception {
        String name = "Umsatz " + UUID.randomUUID().toString().substring(0, 6);
        manager.create(german, draft(name));

        String body = page(german, get("/schedules").param("team", team.toString()));
        assertThat(body)
                .contains(name)
                .contains("1 Zeitplan")
                .contains("Nächste Ausführung")
                .contains("Neuer Zeitplan")
                .contains("Sortieren nach")
                .contains(">Aktiv<")
                .contains("Täglich um 08:00, Europe/Berlin")
                .doesNotContain("Next run")
                .doesNotContain("Every day");
        // the next run of a daily schedule is less than a day away: "in 5 Std." or "in 42 Min."
        assertThat(body).containsPattern("in \\d+ (Std|Min)\\.|jetzt");
    }

    @Test
    void theEditorAndItsPreviewAreGermanWithGermanWeekdays() throws Exception {
        String editor = page(german, get("/schedules/new").param("team", team.toString()));
        assertThat(editor)
                .contains("Neuer Zeitplan")
                .contains("Zeitplan anlegen")
                .contains("Erweiterte Einstellungen")
                .contains("Wenn die vorige Ausführung noch läuft")
                .contains(">Mo<")
                .contains("Nächste Ausführungen")
                .doesNotContain("Create schedule");

        String preview = page(
                german,
                post("/schedules/preview")
                        .header("HX-Request", "true")
                        .header("HX-Target", "preview")
                        .with(csrf().asHeader())
                        .param("frequency", "daily")
                        .param("time", "02:30")
                        .param("timeZone", "Europe/Berlin")
                        .param("startAt", "2027-03-27T00:00"));
        assertThat(preview)
                .contains("Täglich um 02:30, Europe/Berlin")
                .contains("In Europe/Berlin")
                .contains("Ihre Zeit (UTC)")
                // #temporals with the user's locale: German day abbreviations
                .contains("Sa. 2027-03-27 02:30")
                .contains("So. 2027-03-28 03:00")
                .doesNotContain("Sat 2027-03-27");
    }

    @Test
    void cadencesAndTheirProblemsReadInGerman() throws Exception {
        String weekly = page(
                german,
                post("/schedules/preview")
                        .header("HX-Request", "true")
                        .with(csrf().asHeader())
                        .param("frequency", "weekly")
                        .param("daysOfWeek", "MON", "THU")
                        .param("time", "08:30")
                        .param("timeZone", "Europe/Berlin"));
        assertThat(weekly).contains("Jeden Montag und Donnerstag um 08:30, Europe/Berlin");
        String monthly = page(
                german,
                post("/schedules/preview")
                        .header("HX-Request", "true")
                        .with(csrf().asHeader())
                        .param("frequency", "monthly")
                        .param("dayOfMonth", "15")
                        .param("time", "07:00")
                        .param("timeZone", "UTC"));
        assertThat(monthly).contains("Am 15. jedes Monats um 07:00, UTC");
        String broken = page(
                german,
                post("/schedules/preview")
                        .header("HX-Request", "true")
                        .with(csrf().asHeader())
                        .param("frequency", "daily")
                        .param("time", "25:00")
                        .param("timeZone", "UTC"));
        assertThat(broken).contains("muss zwischen 0 und 23 liegen").doesNotContain("must be");
    }

    private ScheduleDraft draft(String name) {
        return new ScheduleDraft(
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
                List.of("de-" + UUID.randomUUID() + "@example.com"),
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
                null);
    }
}
