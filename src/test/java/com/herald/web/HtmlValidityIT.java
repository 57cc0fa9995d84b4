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
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The main pages, rendered for a signed-in administrator, are valid HTML: the Nu Html Checker (the engine
 * of validator.w3.org/nu, run here as a library and offline, its schemas are in its jar) reports no error.
 */
@IntegrationTest
class HtmlValidityIT {

    /** The checker's default schema: HTML with RDFa Lite and the checker's own assertions. */
    static final String SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

    static SimpleDocumentValidator validator;
    static final Errors errors = new Errors();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    TestReports reports;

    @Autowired
    ScheduleManager schedules;

    HeraldUser admin;

    UUID team;

    String reportType;

    UUID schedule;

    @BeforeAll
    static void checker() throws Exception {
        // (initialize log4j, ASCII quotes in messages, no language detection)
        validator = new SimpleDocumentValidator(false, true, true);
        validator.setUpMainSchema(SCHEMA, errors);
        validator.setUpValidatorAndParsers(errors, false, false);
    }

    /** A system administrator of its own, team admin with a report type and a schedule, so lists have rows to render. */
    @BeforeEach
    void adminWithATeam() {
        admin = users.createUserAccount(true);
        team = users.createTeam();
        users.addMember(team, admin, TeamRole.TEAM_ADMIN);
        reportType = reports.threeRows(team);
        schedule = schedules
                .create(
                        admin,
                        ScheduleDraft.builder()
                                .name("Valid " + UUID.randomUUID().toString().substring(0, 6))
                                .teamId(team)
                                .reportType(reportType)
                                .parameters(Map.of())
                                .cadence(new Cadence.Daily(8, 0))
                                .timeZone("Europe/Berlin")
                                .listIds(List.of())
                                .emails(List.of("valid-" + UUID.randomUUID() + "@example.com"))
                                .subscriberIds(List.of())
                                .formats(List.of(ReportFormat.CSV))
                                .build())
                .schedule()
                .id();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/schedules",
                "/schedules/new",
                "/recipient-lists",
                "/report-types",
                "/admin/users",
                "/teams",
                "/profile",
                "/recipient-lists/new",
                "/report-types/new",
                "/admin/data-sources",
                "/admin/data-sources/new",
                "/admin/settings",
                "/admin/outbox",
                "/audit",
                "/search",
                "/search?q=Valid",
                "/search?q=e"
            })
    void signedInPagesAreValid(String path) throws Exception {
        assertThat(check(path, get(path).with(user(admin)))).isEmpty();
    }

    /** The pages of one object, where most of the htmx attributes are. */
    @Test
    void detailPagesAreValid() throws Exception {
        UUID run = schedules.trigger(admin, schedule).id();
        List<String> problems = new ArrayList<>();
        for (String path : List.of(
                "/schedules/" + schedule,
                "/schedules/" + schedule + "/edit",
                "/schedules/" + schedule + "/delete",
                "/runs/" + run,
                "/report-types/" + reportType,
                "/report-types/" + reportType + "/edit",
                "/teams/" + team)) {
            check(path, get(path).with(user(admin))).forEach(error -> problems.add(path + " " + error));
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/forgot-password"})
    void publicPagesAreValid(String path) throws Exception {
        assertThat(check(path, get(path))).isEmpty();
    }

    /** With field errors shown, the fields point at their messages (and only then: no dangling idrefs). */
    @Test
    void theScheduleEditorWithErrorsIsValidAndLinksEachError() throws Exception {
        MockHttpServletRequestBuilder invalid = post("/schedules")
                .with(user(admin))
                .with(csrf())
                .param("name", "")
                .param("frequency", "daily")
                .param("time", "25:00")
                .param("timeZone", "Europe/Berlin");
        assertThat(check("/schedules", invalid)).isEmpty();
        String body = mvc.perform(invalid).andReturn().getResponse().getContentAsString();
        assertThat(body)
                .contains("aria-describedby=\"name-error\"")
                .contains("id=\"name-error\"")
                .contains("aria-describedby=\"time-help time-error\"")
                .contains("aria-describedby=\"subject-help\"");
    }

    private List<String> check(String path, MockHttpServletRequestBuilder request) throws Exception {
        byte[] html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        InputSource source = new InputSource(new ByteArrayInputStream(html));
        source.setSystemId("http://localhost" + path);
        source.setEncoding("UTF-8");
        synchronized (errors) {
            errors.found.clear();
            validator.checkHtmlInputSource(source);
            return List.copyOf(errors.found);
        }
    }

    /**
     * Collects errors with their line and column; warnings and infos are not failures. There is no exception:
     * htmx's attributes are spelt {@code data-hx-*}, which is valid HTML.
     */
    static final class Errors implements ErrorHandler {

        final List<String> found = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            found.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
