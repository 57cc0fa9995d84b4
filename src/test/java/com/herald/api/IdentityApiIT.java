package com.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.support.IntegrationTest;
import com.herald.support.Outbox;
import com.herald.support.TestUsers;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class IdentityApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    Outbox outbox;

    private String adminKey() {
        return "Bearer " + TestUsers.API_KEY;
    }

    @Test
    void provisionATeamAUserAndAMembership() throws Exception {
        String teamName = "Sales " + UUID.randomUUID();
        String location = mvc.perform(post("/api/v1/teams")
                        .header("Authorization", adminKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + teamName + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.object").value("team"))
                .andExpect(jsonPath("$.name").value(teamName))
                .andExpect(jsonPath("$._links.self.href").exists())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String teamId = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(post("/api/v1/teams")
                        .header("Authorization", adminKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + teamName + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("conflict"));

        String email = "api-user-" + UUID.randomUUID() + "@example.com";
        String userId = mvc.perform(post("/api/v1/users")
                        .header("Authorization", adminKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email
                                + "\",\"name\":\"Api User\",\"invite\":true,\"time_zone\":\"Europe/Berlin\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.password_set").value(false))
                .andExpect(jsonPath("$.time_zone").value("Europe/Berlin"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(outbox.lastLink(email, "/invitations/")).isPresent();

        mvc.perform(put("/api/v1/teams/{t}/members/{u}", teamId, userId)
                        .header("Authorization", adminKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"EDITOR\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("EDITOR"))
                .andExpect(jsonPath("$.email").value(email));
        mvc.perform(get("/api/v1/teams/{t}/members", teamId).header("Authorization", adminKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].user_id").value(userId));

        mvc.perform(patch("/api/v1/users/{u}", userId)
                        .header("Authorization", adminKey())
                        .contentType("application/merge-patch+json")
                        .content("{\"enabled\":false,\"id\":\"ignored-read-only\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.id").value(userId));
    }

    @Test
    void unknownFieldsAndWrongTypesAreListedOneByOne() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", adminKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":42,\"name\":\"X\",\"invite\":true,\"colour\":\"red\",\"size\":1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"))
                .andExpect(jsonPath(
                        "$.error.details.errors[*].field", Matchers.containsInAnyOrder("colour", "size", "email")));
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", adminKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"short-pw@example.com\",\"name\":\"X\",\"password\":\"short\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("password"))
                .andExpect(
                        jsonPath("$.error.details.errors[0].message").value(Matchers.containsString("12 characters")));
        mvc.perform(post("/api/v1/teams")
                        .header("Authorization", adminKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"));
    }

    @Test
    void aReadOnlyKeyMayReadButNotWrite() throws Exception {
        UUID team = users.createTeam();
        HeraldUser admin = users.createMember(team, TeamRole.TEAM_ADMIN);
        String readOnly = "Bearer " + users.createApiKey(admin, "read");
        mvc.perform(get("/api/v1/teams/{t}", team).header("Authorization", readOnly))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/teams/{t}/members/{u}", team, admin.id())
                        .header("Authorization", readOnly)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"TEAM_ADMIN\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("forbidden"));
    }

    @Test
    void aKeyCreatedThroughTheApiWorksUntilRevoked() throws Exception {
        HeraldUser me = users.createUserAccount(false);
        String mine = "Bearer " + users.createApiKey(me, "read,write");
        String body = mvc.perform(post("/api/v1/api-keys")
                        .header("Authorization", mine)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"nightly export\",\"scopes\":[\"read\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(Matchers.startsWith("hk_")))
                .andExpect(jsonPath("$.scopes[0]").value("read"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = body.replaceAll("(?s).*\"secret\":\"([^\"]+)\".*", "$1");
        String id = body.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/v1/api-keys").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[*].secret").isEmpty())
                .andExpect(
                        jsonPath("$.data[?(@.name == 'nightly export')].prefix").value(secret.substring(0, 8)));

        mvc.perform(post("/api/v1/api-keys")
                        .header("Authorization", mine)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"for someone else\",\"scopes\":[\"read\"],\"user_id\":\""
                                + TestUsers.class.hashCode() + "\"}"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(delete("/api/v1/api-keys/{id}", id).header("Authorization", mine))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/api-keys").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("unauthorized"));
    }

    @Test
    void everyAnswerCarriesRateLimitHeaders() throws Exception {
        mvc.perform(get("/api/v1/teams").header("Authorization", adminKey()))
                .andExpect(header().string("X-RateLimit-Limit", "600"))
                .andExpect(header().exists("X-RateLimit-Remaining"));
    }
}
