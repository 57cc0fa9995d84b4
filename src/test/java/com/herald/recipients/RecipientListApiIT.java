package com.herald.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class RecipientListApiIT {

    static final String BASE = "/api/v1/recipient-lists";
    static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JsonMapper json;

    @Autowired
    RecipientLists lists;

    UUID team;
    String editorKey;
    String viewerKey;
    String strangerKey;
    String readOnlyKey;

    @BeforeEach
    void keys() {
        team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        editorKey = users.createApiKey(editor, "read,write");
        readOnlyKey = users.createApiKey(editor, "read");
        viewerKey = users.createApiKey(users.createMember(team, TeamRole.VIEWER), "read,write");
        strangerKey = users.createApiKey(users.createMember(users.createTeam(), TeamRole.TEAM_ADMIN), "read,write");
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String key) {
        return request.header("Authorization", "Bearer " + key);
    }

    private String createBody(String name, String... emails) {
        String members = IntStream.range(0, emails.length)
                .mapToObj(i -> "{\"email\":\"" + emails[i] + "\",\"name\":\"Person " + i + "\"}")
                .collect(Collectors.joining(","));
        return "{\"team_id\":\"" + team + "\",\"name\":\"" + name + "\",\"description\":\"About " + name
                + "\",\"members\":[" + members + "]}";
    }

    private JsonNode create(String name, String... emails) throws Exception {
        MvcResult result = mvc.perform(as(post(BASE), editorKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody(name, emails)))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void createReadPatchAndDelete() throws Exception {
        String name = "API list " + UUID.randomUUID();
        MvcResult created = mvc.perform(as(post(BASE), editorKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody(name, "a@example.com", "B@example.com", "b@EXAMPLE.com")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.object").value("recipient_list"))
                .andExpect(jsonPath("$.team_id").value(team.toString()))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.description").value("About " + name))
                .andExpect(jsonPath("$.members", hasSize(2)))
                .andExpect(jsonPath("$.members[0].email").value("a@example.com"))
                .andExpect(jsonPath("$.members[0].name").value("Person 0"))
                .andExpect(jsonPath("$.members[0].status").value("active"))
                .andExpect(jsonPath("$.created_at").isString())
                .andExpect(jsonPath("$.updated_at", containsString("Z")))
                .andReturn();
        String id = json.readTree(created.getResponse().getContentAsString())
                .get("id")
                .stringValue();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(BASE + "/" + id);

        mvc.perform(as(get(BASE + "/" + id), viewerKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.members", hasSize(2)));

        lists.markUnsubscribed(UUID.fromString(id), "a@example.com");
        mvc.perform(
                        as(patch(BASE + "/" + id), editorKey)
                                .contentType(MERGE_PATCH)
                                .content(
                                        "{\"description\":null,\"members\":[{\"email\":\"A@example.com\"},{\"email\":\"c@example.com\",\"name\":\"C\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.description").isEmpty())
                .andExpect(jsonPath("$.members", hasSize(2)))
                .andExpect(jsonPath("$.members[0].email").value("A@example.com"))
                .andExpect(jsonPath("$.members[0].status").value("unsubscribed"))
                .andExpect(jsonPath("$.members[1].name").value("C"))
                .andExpect(jsonPath("$.members[1].status").value("active"));

        mvc.perform(as(patch(BASE + "/" + id), editorKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\":\"" + name + " renamed\",\"id\":\"ignored\",\"object\":\"recipient_list\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name + " renamed"))
                .andExpect(jsonPath("$.members", hasSize(2)));

        mvc.perform(as(delete(BASE + "/" + id), editorKey)).andExpect(status().isNoContent());
        mvc.perform(as(get(BASE + "/" + id), editorKey))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("not_found"));
    }

    @Test
    void listPagesFiltersAndChecksPaging() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        create("A " + marker, "a@example.com");
        create("B " + marker, "b@example.com");
        create("C " + marker, "c@example.com");

        mvc.perform(as(get(BASE).param("team_id", team.toString()), viewerKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("list"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.limit").value(25))
                .andExpect(jsonPath("$.offset").value(0))
                .andExpect(jsonPath("$.data", hasSize(3)))
                .andExpect(jsonPath("$.data[0].object").value("recipient_list"))
                .andExpect(jsonPath("$.data[0].members[0].email").value("a@example.com"));
        mvc.perform(as(
                        get(BASE)
                                .param("team_id", team.toString())
                                .param("limit", "1")
                                .param("offset", "1"),
                        viewerKey))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.data", hasSize(1)))
                .andExpect(jsonPath("$.data[0].name").value("B " + marker));
        mvc.perform(as(get(BASE).param("team_id", team.toString()).param("offset", "3"), viewerKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.data", hasSize(0)));
        mvc.perform(as(get(BASE).param("limit", "200"), viewerKey)).andExpect(status().isOk());
        mvc.perform(as(get(BASE).param("q", "b " + marker), viewerKey))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.data[0].name").value("B " + marker));
        mvc.perform(as(get(BASE).param("q", "%"), viewerKey))
                .andExpect(jsonPath("$.total").value(0));

        for (String[] bad :
                new String[][] {{"limit", "0"}, {"limit", "201"}, {"offset", "-1"}, {"limit", "x"}, {"team_id", "nope"}
                }) {
            mvc.perform(as(get(BASE).param(bad[0], bad[1]), viewerKey))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.code").value("validation_error"));
        }
        // another team's member sees none of them, even when asking for the team
        mvc.perform(as(get(BASE).param("team_id", team.toString()), strangerKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(get(BASE).param("q", marker), strangerKey))
                .andExpect(jsonPath("$.total").value(0));
        // a system admin sees them all
        mvc.perform(as(get(BASE).param("q", marker), TestUsers.API_KEY))
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void bodyValidationErrorsListEveryField() throws Exception {
        mvc.perform(
                        as(post(BASE), editorKey)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"team_id\":\"" + team
                                                + "\",\"name\":\"\",\"colour\":\"red\",\"description\":5,"
                                                + "\"members\":[{\"email\":\"ok@example.com\"},{\"email\":\"foo@\"},"
                                                + "{\"email\":\"x@example.com\\r\\nBcc: y@example.com\"},{\"mail\":\"z@example.com\"},7]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"))
                .andExpect(jsonPath("$.request_id").isString())
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("colour")))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("description")))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("members[3].mail")))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("members[4]")))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("members[1].email")));
        // once the shape is right, the rules are checked field by field
        mvc.perform(as(post(BASE), editorKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"team_id\":\"" + team
                                + "\",\"name\":\"\",\"members\":[{\"email\":\"ok@example.com\"},"
                                + "{\"email\":\"foo@\"},{\"email\":\"x@example.com\\r\\nBcc: y@example.com\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("members[1].email")))
                .andExpect(
                        jsonPath("$.error.details.errors[*].message", hasItem("'foo@' is not a valid email address.")))
                .andExpect(jsonPath(
                        "$.error.details.errors[*].message", hasItem("An email address cannot contain line breaks.")));

        for (String body : new String[] {"not json", "[1,2]", "", "{\"team_id\":"}) {
            mvc.perform(as(post(BASE), editorKey)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.error.code").value("body_validation_error"));
        }
        String tooMany = IntStream.range(0, 1001)
                .mapToObj(i -> "{\"email\":\"m" + i + "@example.com\"}")
                .collect(Collectors.joining(","));
        mvc.perform(as(post(BASE), editorKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"team_id\":\"" + team + "\",\"name\":\"Big\",\"members\":[" + tooMany + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("members"))
                .andExpect(jsonPath("$.error.details.errors[0].message", containsString("at most 1,000")));
        mvc.perform(as(post(BASE), editorKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"team_id\":\"" + UUID.randomUUID() + "\",\"name\":\"Nowhere\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("team_id"));
        mvc.perform(as(get(BASE).param("team_id", team.toString()), editorKey))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void patchChecksTheBodyToo() throws Exception {
        String id = create("Patch checks " + UUID.randomUUID(), "a@example.com")
                .get("id")
                .stringValue();
        mvc.perform(as(patch(BASE + "/" + id), editorKey)
                        .contentType(MERGE_PATCH)
                        .content("{\"members\":[{\"email\":\"bad\"}],\"unknown\":1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("unknown")))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("members[0].email")));
        mvc.perform(as(patch(BASE + "/" + id), editorKey)
                        .contentType(MERGE_PATCH)
                        .content("{\"members\":[{\"email\":\"bad\"}],\"name\":null}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("members[0].email")));
        mvc.perform(as(patch(BASE + "/" + id), editorKey)
                        .contentType(MERGE_PATCH)
                        .content("{\"team_id\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("team_id"));
        mvc.perform(as(get(BASE + "/" + id), editorKey))
                .andExpect(jsonPath("$.members[0].email").value("a@example.com"));
    }

    @Test
    void aListOfAnotherTeamIsNotFound() throws Exception {
        String id =
                create("Hidden " + UUID.randomUUID(), "a@example.com").get("id").stringValue();
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
            get(BASE + "/" + id),
            patch(BASE + "/" + id).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"),
            delete(BASE + "/" + id),
            get(BASE + "/" + UUID.randomUUID())
        }) {
            MvcResult result = mvc.perform(as(request, strangerKey))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error.code").value("not_found"))
                    .andReturn();
            assertThat(result.getResponse().getContentAsString()).doesNotContain("Hidden");
        }
        mvc.perform(as(get(BASE + "/not-a-uuid"), strangerKey))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("validation_error"));
        mvc.perform(as(get(BASE + "/" + id), TestUsers.API_KEY)).andExpect(status().isOk());
    }

    @Test
    void aViewerMaySeeButNotChange() throws Exception {
        String id =
                create("Viewer " + UUID.randomUUID(), "a@example.com").get("id").stringValue();
        mvc.perform(as(patch(BASE + "/" + id), viewerKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("forbidden"));
        mvc.perform(as(delete(BASE + "/" + id), viewerKey))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("forbidden"));
        mvc.perform(as(post(BASE), viewerKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("Nope")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("forbidden"));
        // a key with only the read scope may not write, whatever its user may do
        mvc.perform(as(post(BASE), readOnlyKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody("Nope")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("forbidden"));
        mvc.perform(as(get(BASE + "/" + id), viewerKey))
                .andExpect(jsonPath("$.name").exists());
    }

    @Test
    void aDuplicateNameInTheTeamIsAConflict() throws Exception {
        String name = "Dup " + UUID.randomUUID();
        create(name, "a@example.com");
        String other = create("Other " + UUID.randomUUID()).get("id").stringValue();
        mvc.perform(as(post(BASE), editorKey)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody(name.toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("conflict"))
                .andExpect(jsonPath("$.error.details.errors[0].field").value("name"));
        mvc.perform(as(patch(BASE + "/" + other), editorKey)
                        .contentType(MERGE_PATCH)
                        .content("{\"name\":\"" + name + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("conflict"));
        mvc.perform(as(get(BASE).param("team_id", team.toString()), editorKey))
                .andExpect(jsonPath("$.total").value(2));
        // the same name in another team is fine
        mvc.perform(as(post(BASE), TestUsers.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"team_id\":\"" + users.createTeam() + "\",\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"));
    }
}
