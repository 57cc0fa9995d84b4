package com.herald.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

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
import com.herald.support.IntegrationTest;
import com.herald.support.TestReports;
import com.herald.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every portal and API endpoint × every kind of caller × own and foreign team, with the status each
 * must get (product.md §2). Objects of a team the caller cannot see answer 404, never 403.
 * Each later feature adds its endpoints to {@link #rows()}.
 */
@IntegrationTest
class AccessMatrixIT {

    enum Actor {
        ANONYMOUS,
        OUTSIDER,
        VIEWER,
        EDITOR,
        TEAM_ADMIN,
        SYSTEM_ADMIN
    }

    /** The objects one row runs against: a team the members belong to, and who is who. */
    record Fixture(
            UUID ownTeam,
            UUID foreignTeam,
            UUID ownList,
            UUID outboxMessage,
            UUID viewerKey,
            UUID dataSource,
            Map<Actor, HeraldUser> users,
            Map<Actor, String> keys,
            String reportType,
            UUID ownSchedule,
            UUID adminsSchedule,
            UUID missedRun,
            Supplier<UUID> finishedRun,
            String unsubscribeToken) {}

    /**
     * One endpoint: the request (built from the fixture), and the expected status for each actor in
     * the order ANONYMOUS, OUTSIDER, VIEWER, EDITOR, TEAM_ADMIN, SYSTEM_ADMIN (run in that order, so a
     * destructive success comes last).
     */
    record Row(
            String name,
            boolean api,
            boolean freshPerActor,
            Function<Fixture, MockHttpServletRequestBuilder> request,
            int... expected) {}

    private static final String NEW_TEAM = "{\"name\":\"Matrix %s\"}";

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // portal: pages everyone signed in may see
        rows.add(portal("GET /", f -> get("/"), 302, 200, 200, 200, 200, 200));
        rows.add(portal("GET /teams", f -> get("/teams"), 302, 200, 200, 200, 200, 200));
        rows.add(portal("GET /profile", f -> get("/profile"), 302, 200, 200, 200, 200, 200));
        rows.add(portal("GET /search", f -> get("/search?q=a"), 302, 200, 200, 200, 200, 200));
        rows.add(portal("GET /?team={foreign}", f -> get("/?team=" + f.foreignTeam()), 302, 200, 200, 200, 200, 200));
        rows.add(portal("GET /schedules", f -> get("/schedules"), 302, 200, 200, 200, 200, 200));
        // portal: a team and its members
        rows.add(portal("GET /teams/{own}", f -> get("/teams/" + f.ownTeam()), 302, 404, 200, 200, 200, 200));
        rows.add(portal("GET /teams/{foreign}", f -> get("/teams/" + f.foreignTeam()), 302, 200, 404, 404, 404, 200));
        rows.add(portal(
                "POST /teams/{own}/members",
                f -> post("/teams/" + f.ownTeam() + "/members")
                        .param("email", "matrix-" + UUID.randomUUID() + "@example.com")
                        .param("role", "VIEWER"),
                302,
                404,
                403,
                403,
                302,
                302));
        rows.add(portal(
                "POST /teams/{own}/members/{viewer} (role)",
                f -> post("/teams/" + f.ownTeam() + "/members/"
                                + f.users().get(Actor.VIEWER).id())
                        .param("role", "VIEWER"),
                302,
                404,
                403,
                403,
                302,
                302));
        rows.add(portal(
                "POST /teams/{own}/members/{editor}/remove",
                f -> post("/teams/" + f.ownTeam() + "/members/"
                        + f.users().get(Actor.EDITOR).id() + "/remove"),
                302,
                404,
                403,
                403,
                302,
                404));
        rows.add(portal(
                "POST /teams",
                f -> post("/teams").param("name", "Matrix " + UUID.randomUUID()),
                302,
                403,
                403,
                403,
                403,
                302));
        rows.add(portal(
                "POST /teams/{own}/delete",
                f -> post("/teams/" + f.ownTeam() + "/delete"),
                302,
                404,
                403,
                403,
                403,
                302));
        rows.add(portal("GET /audit", f -> get("/audit"), 302, 200, 403, 403, 200, 200));
        // portal: system administration
        for (String path : List.of(
                "/admin/users", "/admin/users/new", "/admin/outbox", "/admin/settings", "/admin/data-sources")) {
            rows.add(portal("GET " + path, f -> get(path), 302, 403, 403, 403, 403, 200));
        }
        rows.add(portal(
                "GET /admin/users/{viewer}",
                f -> get("/admin/users/" + f.users().get(Actor.VIEWER).id()),
                302,
                403,
                403,
                403,
                403,
                200));
        rows.add(portal(
                "POST /admin/users/{viewer}/revoke-sessions",
                f -> post("/admin/users/" + f.users().get(Actor.VIEWER).id() + "/revoke-sessions"),
                302,
                403,
                403,
                403,
                403,
                302));

        // API
        rows.add(api("GET /api/v1/teams", f -> get("/api/v1/teams"), 401, 200, 200, 200, 200, 200));
        rows.add(
                api("GET /api/v1/teams/{own}", f -> get("/api/v1/teams/" + f.ownTeam()), 401, 404, 200, 200, 200, 200));
        rows.add(api(
                "GET /api/v1/teams/{own}/members",
                f -> get("/api/v1/teams/" + f.ownTeam() + "/members"),
                401,
                404,
                200,
                200,
                200,
                200));
        rows.add(api(
                "PUT /api/v1/teams/{own}/members/{viewer}",
                f -> json(
                        HttpMethod.PUT,
                        "/api/v1/teams/" + f.ownTeam() + "/members/"
                                + f.users().get(Actor.VIEWER).id(),
                        "{\"role\":\"VIEWER\"}"),
                401,
                404,
                403,
                403,
                200,
                200));
        rows.add(api(
                "DELETE /api/v1/teams/{own}/members/{editor}",
                f -> request(
                        HttpMethod.DELETE,
                        "/api/v1/teams/" + f.ownTeam() + "/members/"
                                + f.users().get(Actor.EDITOR).id()),
                401,
                404,
                403,
                403,
                204,
                404));
        rows.add(api(
                "PATCH /api/v1/teams/{own}",
                f -> json(HttpMethod.PATCH, "/api/v1/teams/" + f.ownTeam(), NEW_TEAM.formatted(UUID.randomUUID())),
                401,
                404,
                403,
                403,
                403,
                200));
        rows.add(api(
                "POST /api/v1/teams",
                f -> json(HttpMethod.POST, "/api/v1/teams", NEW_TEAM.formatted(UUID.randomUUID())),
                401,
                403,
                403,
                403,
                403,
                201));
        rows.add(api(
                "DELETE /api/v1/teams/{own}",
                f -> request(HttpMethod.DELETE, "/api/v1/teams/" + f.ownTeam()),
                401,
                404,
                403,
                403,
                403,
                204));
        rows.add(api("GET /api/v1/users", f -> get("/api/v1/users"), 401, 403, 403, 403, 403, 200));
        rows.add(api(
                "GET /api/v1/users/{viewer}",
                f -> get("/api/v1/users/" + f.users().get(Actor.VIEWER).id()),
                401,
                403,
                403,
                403,
                403,
                200));
        rows.add(api(
                "POST /api/v1/users",
                f -> json(
                        HttpMethod.POST,
                        "/api/v1/users",
                        "{\"email\":\"m-" + UUID.randomUUID() + "@example.com\",\"name\":\"M\",\"invite\":true}"),
                401,
                403,
                403,
                403,
                403,
                201));
        rows.add(api("GET /api/v1/api-keys", f -> get("/api/v1/api-keys"), 401, 200, 200, 200, 200, 200));
        rows.add(api(
                "POST /api/v1/api-keys",
                f -> json(HttpMethod.POST, "/api/v1/api-keys", "{\"name\":\"k\",\"scopes\":[\"read\"]}"),
                401,
                201,
                201,
                201,
                201,
                201));

        // recipient lists (product.md §2: everyone in the team views; editors and up change)
        rows.add(portal("GET /recipient-lists", f -> get("/recipient-lists"), 302, 200, 200, 200, 200, 200));
        // a viewer has no team to create a list in; an outsider may create in their own team
        rows.add(portal("GET /recipient-lists/new", f -> get("/recipient-lists/new"), 302, 200, 403, 200, 200, 200));
        rows.add(portal(
                "GET /recipient-lists/{own}",
                f -> get("/recipient-lists/" + f.ownList()),
                302,
                404,
                200,
                200,
                200,
                200));
        rows.add(portal(
                "GET /recipient-lists/{own}/edit",
                f -> get("/recipient-lists/" + f.ownList() + "/edit"),
                302,
                404,
                403,
                200,
                200,
                200));
        rows.add(portal(
                "POST /recipient-lists (own team)",
                f -> post("/recipient-lists")
                        .param("teamId", f.ownTeam().toString())
                        .param("name", "Matrix " + UUID.randomUUID())
                        .param("members", "a@example.com"),
                // an invisible team is a field error on the form (200), the same as a team that does not exist
                302,
                200,
                403,
                302,
                302,
                302));
        rows.add(destructive(portal(
                "POST /recipient-lists/{own}/delete",
                f -> post("/recipient-lists/" + f.ownList() + "/delete"),
                302,
                404,
                403,
                302,
                302,
                302)));
        rows.add(api("GET /api/v1/recipient-lists", f -> get("/api/v1/recipient-lists"), 401, 200, 200, 200, 200, 200));
        rows.add(api(
                "GET /api/v1/recipient-lists/{own}",
                f -> get("/api/v1/recipient-lists/" + f.ownList()),
                401,
                404,
                200,
                200,
                200,
                200));
        rows.add(api(
                "POST /api/v1/recipient-lists (own team)",
                f -> json(
                        HttpMethod.POST,
                        "/api/v1/recipient-lists",
                        "{\"team_id\":\"" + f.ownTeam() + "\",\"name\":\"Matrix " + UUID.randomUUID()
                                + "\",\"members\":[{\"email\":\"a@example.com\"}]}"),
                // an invisible team_id is a body_validation_error, the same as one that does not exist
                401,
                422,
                403,
                201,
                201,
                201));
        rows.add(api(
                "PATCH /api/v1/recipient-lists/{own}",
                f -> json(HttpMethod.PATCH, "/api/v1/recipient-lists/" + f.ownList(), "{\"description\":\"changed\"}"),
                401,
                404,
                403,
                200,
                200,
                200));
        rows.add(destructive(api(
                "DELETE /api/v1/recipient-lists/{own}",
                f -> request(HttpMethod.DELETE, "/api/v1/recipient-lists/" + f.ownList()),
                401,
                404,
                403,
                204,
                204,
                204)));

        // report types: usable by the teams they are granted to; only system admins write them
        rows.add(portal("GET /report-types", f -> get("/report-types"), 302, 200, 200, 200, 200, 200));
        rows.add(portal(
                "GET /report-types/{granted}",
                f -> get("/report-types/" + GRANTED_REPORT),
                302,
                404,
                200,
                200,
                200,
                200));
        rows.add(portal("GET /report-types/new", f -> get("/report-types/new"), 302, 403, 403, 403, 403, 200));
        rows.add(portal(
                "GET /report-types/{granted}/edit",
                f -> get("/report-types/" + GRANTED_REPORT + "/edit"),
                302,
                403,
                403,
                403,
                403,
                200));
        rows.add(portal(
                "GET /admin/data-sources/new", f -> get("/admin/data-sources/new"), 302, 403, 403, 403, 403, 200));
        rows.add(api("GET /api/v1/report-types", f -> get("/api/v1/report-types"), 401, 200, 200, 200, 200, 200));
        rows.add(api(
                "GET /api/v1/report-types/{granted}",
                f -> get("/api/v1/report-types/" + GRANTED_REPORT),
                401,
                404,
                200,
                200,
                200,
                200));

        // pages for everyone, signed in or not
        rows.add(portal("GET /login", f -> get("/login"), 200, 302, 302, 302, 302, 302));
        rows.add(portal("GET /forgot-password", f -> get("/forgot-password"), 200, 200, 200, 200, 200, 200));
        rows.add(portal(
                "POST /forgot-password",
                f -> post("/forgot-password").param("email", "x@example.com"),
                200,
                200,
                200,
                200,
                200,
                200));
        rows.add(
                portal("GET /invitations/{bogus}", f -> get("/invitations/not-a-token"), 200, 200, 200, 200, 200, 200));
        rows.add(portal(
                "GET /reset-password/{bogus}", f -> get("/reset-password/not-a-token"), 200, 200, 200, 200, 200, 200));
        // unsubscribe links from report emails: the signed token decides, not the session
        rows.add(portal(
                "GET /unsubscribe/{token}",
                f -> get("/unsubscribe/" + f.unsubscribeToken()),
                200,
                200,
                200,
                200,
                200,
                200));
        rows.add(portal(
                "POST /unsubscribe/{token}",
                f -> post("/unsubscribe/" + f.unsubscribeToken()),
                200,
                200,
                200,
                200,
                200,
                200));
        rows.add(
                portal("GET /unsubscribe/{bogus}", f -> get("/unsubscribe/not-a-token"), 404, 404, 404, 404, 404, 404));
        rows.add(portal(
                "POST /unsubscribe/{bogus}",
                f -> post("/unsubscribe/not-a-token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"),
                404,
                404,
                404,
                404,
                404,
                404));
        // my own profile: everyone signed in
        rows.add(portal(
                "POST /profile",
                f -> post("/profile")
                        .param("name", "Matrix")
                        .param("timeZone", "UTC")
                        .param("locale", "en"),
                302,
                302,
                302,
                302,
                302,
                302));
        rows.add(portal(
                "POST /profile/password (wrong current)",
                f -> post("/profile/password")
                        .param("currentPassword", "wrong")
                        .param("newPassword", "x")
                        .param("confirmation", "x"),
                302,
                200,
                200,
                200,
                200,
                200));
        rows.add(portal(
                "POST /profile/api-keys",
                f -> post("/profile/api-keys").param("name", "k").param("read", "true"),
                302,
                200,
                200,
                200,
                200,
                200));
        rows.add(destructive(portal(
                "POST /profile/api-keys/{viewer's key}/revoke",
                f -> post("/profile/api-keys/" + f.viewerKey() + "/revoke"),
                302,
                404,
                302,
                404,
                404,
                302)));
        // system administration, continued
        rows.add(portal(
                "POST /admin/settings/test-email",
                f -> post("/admin/settings/test-email").param("recipient", "matrix@example.com"),
                302,
                403,
                403,
                403,
                403,
                302));
        rows.add(portal(
                "GET /admin/outbox/{id}",
                f -> get("/admin/outbox/" + f.outboxMessage()),
                302,
                403,
                403,
                403,
                403,
                200));
        rows.add(portal(
                "GET /admin/outbox/{id}/eml",
                f -> get("/admin/outbox/" + f.outboxMessage() + "/eml"),
                302,
                403,
                403,
                403,
                403,
                200));
        rows.add(portal(
                "GET /admin/outbox/{id}/html",
                f -> get("/admin/outbox/" + f.outboxMessage() + "/html"),
                302,
                403,
                403,
                403,
                403,
                200));
        rows.add(portal(
                "POST /admin/users",
                f -> post("/admin/users")
                        .param("email", "m-" + UUID.randomUUID() + "@example.com")
                        .param("name", "M")
                        .param("timeZone", "UTC")
                        .param("locale", "en"),
                302,
                403,
                403,
                403,
                403,
                302));
        rows.add(portal(
                "POST /admin/users/{viewer}",
                f -> post("/admin/users/" + f.users().get(Actor.VIEWER).id())
                        .param("name", "V")
                        .param("enabled", "true")
                        .param("timeZone", "UTC")
                        .param("locale", "en"),
                302,
                403,
                403,
                403,
                403,
                302));
        rows.add(portal(
                "POST /admin/users/{viewer}/reset-password",
                f -> post("/admin/users/" + f.users().get(Actor.VIEWER).id() + "/reset-password"),
                302,
                403,
                403,
                403,
                403,
                302));
        rows.add(portal(
                "GET /admin/data-sources/{id}",
                f -> get("/admin/data-sources/" + f.dataSource()),
                302,
                403,
                403,
                403,
                403,
                200));
        rows.add(portal(
                "POST /admin/data-sources/test", f -> post("/admin/data-sources/test"), 302, 403, 403, 403, 403, 200));
        // recipient lists, continued
        rows.add(portal(
                "POST /recipient-lists/{own}/edit",
                f -> post("/recipient-lists/" + f.ownList() + "/edit")
                        .param("teamId", f.ownTeam().toString())
                        .param("name", "Matrix " + UUID.randomUUID())
                        .param("members", "b@example.com"),
                302,
                404,
                403,
                302,
                302,
                302));
        rows.add(portal(
                "GET /recipient-lists/{own}/delete",
                f -> get("/recipient-lists/" + f.ownList() + "/delete"),
                302,
                404,
                403,
                200,
                200,
                200));
        // report types, continued
        rows.add(portal(
                "POST /report-types",
                f -> post("/report-types")
                        .param("key", "m" + UUID.randomUUID().toString().substring(0, 8)),
                302,
                403,
                403,
                403,
                403,
                200));
        rows.add(portal(
                "POST /report-types/{granted}/preview",
                f -> post("/report-types/" + GRANTED_REPORT + "/preview"),
                302,
                404,
                200,
                200,
                200,
                200));
        // API, continued
        rows.add(api(
                "PATCH /api/v1/users/{viewer}",
                f -> json(
                        HttpMethod.PATCH,
                        "/api/v1/users/" + f.users().get(Actor.VIEWER).id(),
                        "{\"name\":\"V\"}"),
                401,
                403,
                403,
                403,
                403,
                200));
        rows.add(destructive(api(
                "DELETE /api/v1/api-keys/{viewer's key}",
                f -> request(HttpMethod.DELETE, "/api/v1/api-keys/" + f.viewerKey()),
                401,
                404,
                204,
                404,
                404,
                204)));
        // schedule preview: needs no team, any key with scope write (a POST)
        rows.add(api(
                "POST /api/v1/schedules/preview",
                f -> json(
                        HttpMethod.POST,
                        "/api/v1/schedules/preview",
                        "{\"cadence\":{\"frequency\":\"daily\",\"hour\":8,\"minute\":0},\"time_zone\":\"Europe/Berlin\"}"),
                401,
                200,
                200,
                200,
                200,
                200));
        // schedules (product.md §2): the team views and subscribes; editors create and manage their own,
        // team admins all of the team's. {own} is the editor's schedule, {admin's} the team admin's.
        rows.add(portal("GET /schedules/new", f -> get("/schedules/new"), 302, 200, 403, 200, 200, 200));
        rows.add(portal(
                "GET /schedules/{own}", f -> get("/schedules/" + f.ownSchedule()), 302, 404, 200, 200, 200, 200));
        rows.add(portal(
                "GET /schedules/{own}/edit",
                f -> get("/schedules/" + f.ownSchedule() + "/edit"),
                302,
                404,
                403,
                200,
                200,
                200));
        rows.add(portal(
                "GET /schedules/{admin's}/edit",
                f -> get("/schedules/" + f.adminsSchedule() + "/edit"),
                302,
                404,
                403,
                403,
                200,
                200));
        rows.add(portal(
                "POST /schedules (own team)",
                f -> scheduleForm(post("/schedules"), f)
                        .param("teamId", f.ownTeam().toString()),
                // an invisible team is a field error on the form (200), the same as a team that does not exist
                302,
                200,
                403,
                302,
                302,
                302));
        rows.add(portal(
                "POST /schedules/{own}/edit",
                f -> scheduleForm(post("/schedules/" + f.ownSchedule() + "/edit"), f),
                302,
                404,
                403,
                302,
                302,
                302));
        rows.add(portal(
                "POST /schedules/{admin's}/edit",
                f -> scheduleForm(post("/schedules/" + f.adminsSchedule() + "/edit"), f),
                302,
                404,
                403,
                403,
                302,
                302));
        rows.add(portal(
                "POST /schedules/preview",
                f -> post("/schedules/preview")
                        .param("frequency", "daily")
                        .param("time", "08:00")
                        .param("timeZone", "Europe/Berlin"),
                302,
                200,
                200,
                200,
                200,
                200));
        rows.add(portal(
                "GET /schedules/editor/parameters",
                f -> get("/schedules/editor/parameters").param("reportType", GRANTED_REPORT),
                302,
                200,
                200,
                200,
                200,
                200));
        rows.add(portal(
                "GET /schedules/editor/lists",
                f -> get("/schedules/editor/lists").param("teamId", f.ownTeam().toString()),
                302,
                200,
                200,
                200,
                200,
                200));
        rows.add(portal(
                "POST /schedules/{own}/run",
                f -> post("/schedules/" + f.ownSchedule() + "/run"),
                302,
                404,
                403,
                302,
                302,
                302));
        rows.add(portal(
                "POST /schedules/{admin's}/run",
                f -> post("/schedules/" + f.adminsSchedule() + "/run"),
                302,
                404,
                403,
                403,
                302,
                302));
        rows.add(portal(
                "POST /schedules/{own}/pause",
                f -> post("/schedules/" + f.ownSchedule() + "/pause"),
                302,
                404,
                403,
                302,
                302,
                302));
        rows.add(portal(
                "POST /schedules/{admin's}/resume",
                f -> post("/schedules/" + f.adminsSchedule() + "/resume"),
                302,
                404,
                403,
                403,
                302,
                302));
        rows.add(portal(
                "POST /schedules/{admin's}/subscribe",
                f -> post("/schedules/" + f.adminsSchedule() + "/subscribe").param("subscribed", "true"),
                302,
                404,
                302,
                302,
                302,
                302));
        rows.add(portal(
                "GET /schedules/{own}/delete",
                f -> get("/schedules/" + f.ownSchedule() + "/delete"),
                302,
                404,
                403,
                200,
                200,
                200));
        rows.add(destructive(portal(
                "POST /schedules/{own}/delete",
                f -> post("/schedules/" + f.ownSchedule() + "/delete"),
                302,
                404,
                403,
                302,
                302,
                302)));
        rows.add(destructive(portal(
                "POST /schedules/{admin's}/delete",
                f -> post("/schedules/" + f.adminsSchedule() + "/delete"),
                302,
                404,
                403,
                403,
                302,
                302)));
        rows.add(portal("GET /runs/{missed}", f -> get("/runs/" + f.missedRun()), 302, 404, 200, 200, 200, 200));
        rows.add(portal(
                "GET /runs/{finished}/artifact",
                f -> get("/runs/" + f.finishedRun().get() + "/artifact").param("format", "csv"),
                302,
                404,
                200,
                200,
                200,
                200));
        rows.add(destructive(portal(
                "POST /runs/{missed}/backfill",
                f -> post("/runs/" + f.missedRun() + "/backfill"),
                302,
                404,
                403,
                302,
                302,
                302)));
        rows.add(portal(
                "POST /runs/{missed}/retry (nothing to send: a toast)",
                f -> post("/runs/" + f.missedRun() + "/retry"),
                302,
                404,
                403,
                302,
                302,
                302));
        // schedules API (product.md §2): as the portal rows above; {admin's} is paused, so pause and resume both
        // answer it as it is
        rows.add(api("GET /api/v1/schedules", f -> get("/api/v1/schedules"), 401, 200, 200, 200, 200, 200));
        rows.add(api(
                "GET /api/v1/schedules/{own}",
                f -> get("/api/v1/schedules/" + f.ownSchedule()),
                401,
                404,
                200,
                200,
                200,
                200));
        rows.add(api(
                "GET /api/v1/schedules/{own}/runs",
                f -> get("/api/v1/schedules/" + f.ownSchedule() + "/runs"),
                401,
                404,
                200,
                200,
                200,
                200));
        rows.add(api(
                "POST /api/v1/schedules (own team)",
                f -> json(HttpMethod.POST, "/api/v1/schedules", newSchedule(f)),
                // an invisible team_id is a body_validation_error, the same as one that does not exist
                401,
                422,
                403,
                201,
                201,
                201));
        for (boolean editors : List.of(true, false)) {
            String whose = editors ? "{own}" : "{admin's}";
            Function<Fixture, UUID> schedule = editors ? Fixture::ownSchedule : Fixture::adminsSchedule;
            int editor = editors ? 200 : 403;
            rows.add(api(
                    "PATCH /api/v1/schedules/" + whose,
                    f -> json(
                            HttpMethod.PATCH,
                            "/api/v1/schedules/" + schedule.apply(f),
                            "{\"description\":\"" + UUID.randomUUID() + "\"}"),
                    401,
                    404,
                    403,
                    editor,
                    200,
                    200));
            rows.add(destructive(api(
                    "POST /api/v1/schedules/" + whose + "/pause",
                    f -> post("/api/v1/schedules/" + schedule.apply(f) + "/pause"),
                    401,
                    404,
                    403,
                    editor,
                    200,
                    200)));
            rows.add(destructive(api(
                    "POST /api/v1/schedules/" + whose + "/resume",
                    f -> post("/api/v1/schedules/" + schedule.apply(f) + "/resume"),
                    401,
                    404,
                    403,
                    editor,
                    200,
                    200)));
            rows.add(destructive(api(
                    "POST /api/v1/schedules/" + whose + "/trigger",
                    f -> post("/api/v1/schedules/" + schedule.apply(f) + "/trigger"),
                    401,
                    404,
                    403,
                    editors ? 202 : 403,
                    202,
                    202)));
            rows.add(destructive(api(
                    "DELETE /api/v1/schedules/" + whose,
                    f -> request(HttpMethod.DELETE, "/api/v1/schedules/" + schedule.apply(f)),
                    401,
                    404,
                    403,
                    editors ? 204 : 403,
                    204,
                    204)));
        }
        rows.add(api(
                "GET /api/v1/runs/{finished}",
                f -> get("/api/v1/runs/" + f.finishedRun().get()),
                401,
                404,
                200,
                200,
                200,
                200));
        rows.add(api(
                "GET /api/v1/runs/{finished}/artifact",
                f -> get("/api/v1/runs/" + f.finishedRun().get() + "/artifact"),
                401,
                404,
                200,
                200,
                200,
                200));
        rows.add(api(
                "POST /api/v1/runs/{finished, all delivered}/retry",
                f -> post("/api/v1/runs/" + f.finishedRun().get() + "/retry"),
                // allowed, but there is nothing to re-send
                401,
                404,
                403,
                409,
                409,
                409));
        return rows;
    }

    private static String newSchedule(Fixture f) {
        return """
                {"name": "Matrix %s", "team_id": "%s", "report_type": "%s",
                 "cadence": {"frequency": "daily", "hour": 8, "minute": 0},
                 "recipients": {"emails": ["m@example.com"]}}""".formatted(UUID.randomUUID(), f.ownTeam(), f.reportType());
    }

    private static MockHttpServletRequestBuilder scheduleForm(MockHttpServletRequestBuilder request, Fixture f) {
        return request.param("name", "Matrix " + UUID.randomUUID())
                .param("reportType", f.reportType())
                .param("frequency", "daily")
                .param("time", "07:00")
                .param("timeZone", "Europe/Berlin")
                .param("emails", "matrix@example.com")
                .param("formats", "csv")
                .param("subject", "{{report}}");
    }

    /** A shipped report type, granted to each fixture's own team and to no other team. */
    static final String GRANTED_REPORT = "delivery_audit";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    RecipientListManager lists;

    @Autowired
    Unsubscribes unsubscribes;

    @Autowired
    ScheduleManager manager;

    @Autowired
    TestReports reports;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @TestFactory
    Stream<DynamicContainer> everyEndpointForEveryCaller() {
        return rows().stream().map(row -> {
            Fixture shared = fixture();
            List<DynamicTest> tests = new ArrayList<>();
            Actor[] actors = Actor.values();
            assertThat(row.expected()).as(row.name()).hasSize(actors.length);
            for (int i = 0; i < actors.length; i++) {
                Actor actor = actors[i];
                int expected = row.expected()[i];
                tests.add(DynamicTest.dynamicTest(actor + " → " + expected, () -> {
                    Fixture fixture = row.freshPerActor() ? fixture() : shared;
                    MockHttpServletRequestBuilder request = row.request().apply(fixture);
                    if (actor != Actor.ANONYMOUS) {
                        if (row.api()) {
                            request.header(
                                    "Authorization", "Bearer " + fixture.keys().get(actor));
                        } else {
                            request.with(user(fixture.users().get(actor)));
                        }
                    }
                    if (!row.api()) {
                        request.with(csrf()).accept(MediaType.TEXT_HTML);
                    }
                    int status = mvc.perform(request).andReturn().getResponse().getStatus();
                    assertThat(status).as("%s as %s", row.name(), actor).isEqualTo(expected);
                }));
            }
            return DynamicContainer.dynamicContainer(row.name(), tests);
        });
    }

    private Fixture fixture() {
        UUID own = users.createTeam();
        UUID foreign = users.createTeam();
        Map<Actor, HeraldUser> people = new EnumMap<>(Actor.class);
        people.put(Actor.OUTSIDER, users.createMember(foreign, TeamRole.TEAM_ADMIN));
        people.put(Actor.VIEWER, users.createMember(own, TeamRole.VIEWER));
        people.put(Actor.EDITOR, users.createMember(own, TeamRole.EDITOR));
        people.put(Actor.TEAM_ADMIN, users.createMember(own, TeamRole.TEAM_ADMIN));
        people.put(Actor.SYSTEM_ADMIN, users.createUserAccount(true));
        Map<Actor, String> keys = new EnumMap<>(Actor.class);
        people.forEach((actor, user) -> keys.put(actor, users.createApiKey(user, "read,write")));
        jdbc.sql(
                        "INSERT INTO report_type_teams (report_type_id, team_id) SELECT id, ? FROM report_types WHERE type_key = ?")
                .params(own, GRANTED_REPORT)
                .update();
        UUID list = lists.create(
                        people.get(Actor.SYSTEM_ADMIN),
                        new RecipientListDraft(
                                own,
                                "Matrix list " + UUID.randomUUID(),
                                null,
                                List.of(new RecipientInput("m@example.com", null))))
                .id();
        UUID message = UUID.randomUUID();
        byte[] raw = "Subject: matrix\r\nTo: m@example.com\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n".getBytes();
        jdbc.sql("""
                        INSERT INTO outbox_messages (id, created_at, to_addresses, subject, size_bytes, raw_message)
                        VALUES (?, UTC_TIMESTAMP(6), 'm@example.com', 'matrix', ?, ?)""").params(message, raw.length, raw).update();
        UUID viewerKey = jdbc.sql("SELECT id FROM api_keys WHERE user_id = ?")
                .param(people.get(Actor.VIEWER).id())
                .query(UUID.class)
                .single();
        UUID dataSource = jdbc.sql("SELECT id FROM data_sources ORDER BY created_at LIMIT 1")
                .query(UUID.class)
                .single();
        String reportType = reports.threeRows(own);
        UUID ownSchedule = matrixSchedule(people.get(Actor.EDITOR), own, reportType);
        UUID adminsSchedule = matrixSchedule(people.get(Actor.TEAM_ADMIN), own, reportType);
        manager.pause(people.get(Actor.TEAM_ADMIN), adminsSchedule);
        UUID missedRun = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO runs (id, schedule_id, team_id, schedule_name, nominal_time, trigger_kind, attempt,
                            status, created_at, updated_at)
                        VALUES (?, ?, ?, 'matrix', UTC_TIMESTAMP(6) - INTERVAL 3 HOUR, 'SCHEDULED', 0, 'MISSED',
                            UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""").params(missedRun, ownSchedule, own).update();
        HeraldUser editor = people.get(Actor.EDITOR);
        Supplier<UUID> finishedRun = memoized(() -> {
            UUID run = manager.trigger(editor, ownSchedule).id();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> manager.run(editor, run).status().isFinal());
            return run;
        });
        return new Fixture(
                own,
                foreign,
                list,
                message,
                viewerKey,
                dataSource,
                people,
                keys,
                reportType,
                ownSchedule,
                adminsSchedule,
                missedRun,
                finishedRun,
                unsubscribes.token(UUID.randomUUID(), "matrix-" + UUID.randomUUID() + "@example.com"));
    }

    private UUID matrixSchedule(HeraldUser owner, UUID team, String reportType) {
        return manager.create(
                        owner,
                        new ScheduleDraft(
                                "Matrix schedule " + UUID.randomUUID(),
                                null,
                                team,
                                reportType,
                                Map.of(),
                                new Cadence.Daily(6, 0),
                                "Europe/Berlin",
                                null,
                                null,
                                List.of(),
                                List.of("matrix@example.com"),
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
                .schedule()
                .id();
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            if (value.get() == null) {
                value.set(supplier.get());
            }
            return value.get();
        };
    }

    private static Row portal(String name, Function<Fixture, MockHttpServletRequestBuilder> request, int... expected) {
        return new Row(name, false, false, request, expected);
    }

    private static Row api(String name, Function<Fixture, MockHttpServletRequestBuilder> request, int... expected) {
        return new Row(name, true, false, request, expected);
    }

    /** A row whose success destroys its object: every caller gets fixtures of their own. */
    private static Row destructive(Row row) {
        return new Row(row.name(), row.api(), true, row.request(), row.expected());
    }

    private static MockHttpServletRequestBuilder get(String path) {
        return request(HttpMethod.GET, path);
    }

    private static MockHttpServletRequestBuilder post(String path) {
        return request(HttpMethod.POST, path);
    }

    private static MockHttpServletRequestBuilder json(HttpMethod method, String path, String body) {
        return request(method, path).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
