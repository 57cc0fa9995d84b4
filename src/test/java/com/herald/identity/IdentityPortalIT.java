package com.herald.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.support.IntegrationTest;
import com.herald.support.Outbox;
import com.herald.support.TestUsers;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class IdentityPortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    @Test
    void anInvitedUserSetsAPasswordAndSignsIn() throws Exception {
        String email = "invitee-" + UUID.randomUUID() + "@example.com";
        mvc.perform(post("/admin/users")
                        .with(user(users.admin()))
                        .with(csrf())
                        .param("email", email)
                        .param("name", "Ivy Invitee")
                        .param("timeZone", "Europe/Berlin")
                        .param("locale", "en"))
                .andExpect(redirectedUrlPattern("/admin/users/*"));

        String link = outbox.lastLink(email, "/invitations/").orElseThrow();
        String page = mvc.perform(get(path(link)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(email, "invitation-form");

        String weak = mvc.perform(post(path(link))
                        .with(csrf())
                        .param("name", "Ivy Invitee")
                        .param("password", "password1234")
                        .param("confirmation", "password1234"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(weak).contains("too common").contains("value=\"Ivy Invitee\"");

        mvc.perform(post(path(link))
                        .with(csrf())
                        .param("name", "Ivy Invitee")
                        .param("password", "quiet meadow lantern 7")
                        .param("confirmation", "quiet meadow lantern 7"))
                .andExpect(redirectedUrl("/login?welcome"));
        mvc.perform(formLogin("/login").userParameter("email").user(email).password("quiet meadow lantern 7"))
                .andExpect(redirectedUrl("/"));

        String used = mvc.perform(get(path(link))).andReturn().getResponse().getContentAsString();
        assertThat(used).contains("This link no longer works");
    }

    @Test
    void forgotPasswordAnswersTheSameForKnownAndUnknownAddresses() throws Exception {
        String known = users.createUser(TestUsers.PASSWORD);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        String a = mvc.perform(post("/forgot-password").with(csrf()).param("email", known))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String b = mvc.perform(post("/forgot-password").with(csrf()).param("email", unknown))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(strip(a)).isEqualTo(strip(b));
        assertThat(outbox.to(known)).hasSize(1);
        assertThat(outbox.to(unknown)).isEmpty();

        String link = outbox.lastLink(known, "/reset-password/").orElseThrow();
        mvc.perform(post(path(link))
                        .with(csrf())
                        .param("password", "a brand new phrase 99")
                        .param("confirmation", "a brand new phrase 99"))
                .andExpect(redirectedUrl("/login?reset"));
        mvc.perform(formLogin("/login").userParameter("email").user(known).password("a brand new phrase 99"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").userParameter("email").user(known).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(mvc.perform(get(path(link))).andReturn().getResponse().getContentAsString())
                .contains("This link no longer works");
    }

    /** The page differs only in its CSRF token and request id. */
    private static String strip(String page) {
        return page.replaceAll("content=\"[A-Za-z0-9_-]{40,}\"", "")
                .replaceAll("value=\"[A-Za-z0-9_-]{40,}\"", "")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "");
    }

    @Test
    void fiveFailedSignInsLockTheAccountWithTheSameGenericMessage() throws Exception {
        String email = users.createUser(TestUsers.PASSWORD);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").userParameter("email").user(email).password("wrong password " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'login.failed' AND actor_email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(6);

        jdbc.sql("UPDATE users SET locked_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE email = ?")
                .param(email)
                .update();
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aTeamAdminManagesMembersAndAViewerCannot() throws Exception {
        UUID team = users.createTeam();
        HeraldUser admin = users.createMember(team, TeamRole.TEAM_ADMIN);
        HeraldUser viewer = users.createMember(team, TeamRole.VIEWER);
        String newcomer = "new-" + UUID.randomUUID() + "@example.com";

        mvc.perform(post("/teams/{id}/members", team)
                        .with(user(viewer))
                        .with(csrf())
                        .param("email", newcomer)
                        .param("role", "EDITOR"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/teams/{id}/members", team)
                        .with(user(admin))
                        .with(csrf())
                        .param("email", newcomer)
                        .param("role", "EDITOR"))
                .andExpect(redirectedUrl("/teams/" + team));
        assertThat(outbox.lastLink(newcomer, "/invitations/")).isPresent();

        String page = mvc.perform(get("/teams/{id}", team).with(user(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(newcomer).doesNotContain("add-member-form");

        mvc.perform(get("/teams/{id}", users.createTeam()).with(user(viewer))).andExpect(status().isNotFound());

        String audit = mvc.perform(get("/audit").with(user(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(audit).contains("membership.created", newcomer);
        mvc.perform(get("/audit").with(user(viewer))).andExpect(status().isForbidden());
    }

    @Test
    void profileChangesAndApiKeysAreShownOnceAndAudited() throws Exception {
        HeraldUser me = users.createUserAccount(false);
        mvc.perform(post("/profile")
                        .with(user(me))
                        .with(csrf())
                        .param("name", "Renamed Person")
                        .param("timeZone", "Not/AZone")
                        .param("locale", "en"))
                .andExpect(status().isOk());
        mvc.perform(post("/profile")
                        .with(user(me))
                        .with(csrf())
                        .param("name", "Renamed Person")
                        .param("timeZone", "America/New_York")
                        .param("locale", "de"))
                .andExpect(redirectedUrl("/profile"));

        String created = mvc.perform(post("/profile/api-keys")
                        .with(user(me))
                        .with(csrf())
                        .param("name", "ci script")
                        .param("read", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = created.replaceAll("(?s).*id=\"created-key-secret\">([^<]+)<.*", "$1");
        assertThat(secret).startsWith("hk_").hasSize(43);
        mvc.perform(get("/api/v1/api-keys").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
        String later = mvc.perform(get("/profile").with(user(me)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(later).contains("ci script").doesNotContain(secret);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE secret_hash LIKE ?")
                        .param("%" + secret + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(jdbc.sql("SELECT diff FROM audit_events WHERE action = 'user.profile_updated' AND target_id = ?")
                        .param(me.id().toString())
                        .query(String.class)
                        .single())
                .contains("America/New_York", "Renamed Person");
    }
}
