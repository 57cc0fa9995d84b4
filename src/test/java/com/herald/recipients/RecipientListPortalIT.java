package com.herald.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

@IntegrationTest
class RecipientListPortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecipientListManager manager;

    @Autowired
    RecipientLists lists;

    UUID team;
    HeraldUser viewer;
    HeraldUser editor;
    HeraldUser teamAdmin;
    HeraldUser stranger;

    @BeforeEach
    void teamWithEveryRole() {
        team = users.createTeam();
        viewer = users.createMember(team, TeamRole.VIEWER);
        editor = users.createMember(team, TeamRole.EDITOR);
        teamAdmin = users.createMember(team, TeamRole.TEAM_ADMIN);
        stranger = users.createMember(users.createTeam(), TeamRole.TEAM_ADMIN);
    }

    private RecipientList aList(String name, String... emails) {
        return manager.create(
                editor,
                new RecipientListDraft(
                        team,
                        name,
                        "About " + name,
                        List.of(emails).stream()
                                .map(e -> new RecipientInput(e, null))
                                .toList()));
    }

    private String page(HeraldUser as, String path) throws Exception {
        return mvc.perform(get(path).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long listCount() {
        return jdbc.sql("SELECT COUNT(*) FROM recipient_lists WHERE team_id = ?")
                .param(team)
                .query(Long.class)
                .single();
    }

    @Test
    void theOverviewIsNoLongerComingSoonAndShowsAnEmptyStateThatSaysWhatToDo() throws Exception {
        assertThat(page(editor, "/recipient-lists"))
                .contains("id=\"lists-empty\"", "No recipient lists yet. Create one", "href=\"/recipient-lists/new\"")
                .doesNotContain("coming soon");
        assertThat(page(viewer, "/recipient-lists"))
                .contains("An editor of your team can create one")
                .doesNotContain("href=\"/recipient-lists/new\"");
        HeraldUser loner = users.createUserAccount(false);
        assertThat(page(loner, "/recipient-lists")).contains("You are not a member of any team yet");
    }

    @Test
    void aViewerSeesListsAndMembersButCannotChangeThem() throws Exception {
        RecipientList list = aList("Viewer sees " + UUID.randomUUID(), "a@example.com", "b@example.com");
        lists.markUnsubscribed(list.id(), "B@example.com");

        assertThat(page(viewer, "/recipient-lists")).contains(list.name(), "2 (1 active)");
        String detail = page(viewer, "/recipient-lists/" + list.id());
        assertThat(detail)
                .contains("a@example.com", "b@example.com", "Unsubscribed", "2 members: 1 active, 1 unsubscribed")
                .contains("id=\"read-only-note\"")
                .doesNotContain("id=\"edit-list\"", "id=\"delete-list\"");

        mvc.perform(get("/recipient-lists/new").with(user(viewer))).andExpect(status().isForbidden());
        mvc.perform(get("/recipient-lists/{id}/edit", list.id()).with(user(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/recipient-lists/{id}/edit", list.id())
                        .with(user(viewer))
                        .with(csrf())
                        .param("name", "Hijacked")
                        .param("members", "x@example.com"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/recipient-lists/{id}/delete", list.id())
                        .with(user(viewer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/recipient-lists")
                        .with(user(viewer))
                        .with(csrf())
                        .param("teamId", team.toString())
                        .param("name", "Not allowed")
                        .param("members", "x@example.com"))
                .andExpect(status().isForbidden());
        assertThat(manager.get(viewer, list.id()).name()).isEqualTo(list.name());
    }

    @Test
    void anEditorCreatesEditsAndDeletes() throws Exception {
        String name = "Editor list " + UUID.randomUUID();
        MvcResult created = mvc.perform(post("/recipient-lists")
                        .with(user(editor))
                        .with(csrf())
                        .param("teamId", team.toString())
                        .param("name", name)
                        .param("description", "Weekly readers")
                        .param(
                                "members",
                                "Jane <jane@example.com>, JANE@example.com; \"Doe, John\" <john@example.com>"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/recipient-lists/");
        assertThat(created.getFlashMap().get("toast").toString())
                .contains("created with 2 members", "1 duplicate address was dropped");
        UUID id = UUID.fromString(location.substring("/recipient-lists/".length()));
        assertThat(lists.members(id))
                .containsExactly(
                        new Recipient("jane@example.com", "Jane", RecipientStatus.ACTIVE),
                        new Recipient("john@example.com", "Doe, John", RecipientStatus.ACTIVE));

        lists.markUnsubscribed(id, "john@example.com");
        String edit = page(editor, "/recipient-lists/" + id + "/edit");
        assertThat(edit).contains(HtmlUtils.htmlEscape("\"Doe, John\" <john@example.com>"));
        int version = manager.get(editor, id).version();

        mvc.perform(post("/recipient-lists/{id}/edit", id)
                        .with(user(teamAdmin))
                        .with(csrf())
                        .param("teamId", team.toString())
                        .param("version", String.valueOf(version))
                        .param("name", name + " (renamed)")
                        .param("description", "")
                        .param("members", "\"Doe, John\" <John@example.com>\nnew@example.com"))
                .andExpect(status().is3xxRedirection());
        RecipientList saved = manager.get(editor, id);
        assertThat(saved.name()).isEqualTo(name + " (renamed)");
        assertThat(saved.description()).isNull();
        assertThat(saved.version()).isEqualTo(version + 1);
        assertThat(saved.members())
                .as("an unsubscribed address stays unsubscribed when the list is saved again")
                .containsExactly(
                        new Recipient("John@example.com", "Doe, John", RecipientStatus.UNSUBSCRIBED),
                        new Recipient("new@example.com", null, RecipientStatus.ACTIVE));

        assertThat(page(editor, "/recipient-lists/" + id + "/delete")).contains("id=\"confirm-delete\"");
        MvcResult deleted = mvc.perform(post("/recipient-lists/{id}/delete", id)
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/recipient-lists");
        assertThat(deleted.getFlashMap().get("toast").toString()).contains("deleted");
        assertThat(lists.find(id)).isEmpty();
    }

    @Test
    void aListOfAnotherTeamIsNotFoundEverywhere() throws Exception {
        RecipientList list = aList("Secret " + UUID.randomUUID(), "a@example.com");
        for (String path : new String[] {"", "/edit", "/delete"}) {
            String body = mvc.perform(
                            get("/recipient-lists/" + list.id() + path).with(user(stranger)))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain(list.name());
        }
        mvc.perform(post("/recipient-lists/{id}/edit", list.id())
                        .with(user(stranger))
                        .with(csrf())
                        .param("name", "x")
                        .param("members", ""))
                .andExpect(status().isNotFound());
        mvc.perform(post("/recipient-lists/{id}/delete", list.id())
                        .with(user(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/recipient-lists/not-a-uuid").with(user(stranger))).andExpect(status().isNotFound());
        assertThat(page(stranger, "/recipient-lists")).doesNotContain(list.name());
        assertThat(page(stranger, "/recipient-lists?team=" + team)).doesNotContain(list.name());
        // creating in a team one is not a member of is refused as an unknown team
        String form = mvc.perform(post("/recipient-lists")
                        .with(user(stranger))
                        .with(csrf())
                        .param("teamId", team.toString())
                        .param("name", "Intruder")
                        .param("members", "x@example.com"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("There is no such team");
        assertThat(listCount()).isEqualTo(1);
    }

    @Test
    void aSystemAdminSeesAndChangesEveryTeamsLists() throws Exception {
        RecipientList list = aList("Admin sees " + UUID.randomUUID(), "a@example.com");
        HeraldUser admin = users.createUserAccount(true);
        assertThat(page(admin, "/recipient-lists?team=" + team)).contains(list.name());
        assertThat(page(admin, "/recipient-lists/" + list.id())).contains("id=\"edit-list\"");
        assertThat(page(admin, "/recipient-lists/" + list.id() + "/edit")).contains("a@example.com");
    }

    @Test
    void filtersByTeamAndNameAndAnswersHtmxWithTheResultsOnly() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        aList("Alpha " + marker, "a@example.com");
        aList("Beta " + marker, "b@example.com");
        String page = mvc.perform(get("/recipient-lists")
                        .param("q", " alpha " + marker)
                        .param("team", team.toString())
                        .with(user(editor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Alpha " + marker).doesNotContain("Beta " + marker);
        String fragment = mvc.perform(get("/recipient-lists")
                        .param("q", "beta " + marker)
                        .header("HX-Request", "true")
                        .with(user(editor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).contains("id=\"results\"", "Beta " + marker).doesNotContain("Alpha " + marker, "<html");
        assertThat(page(editor, "/recipient-lists?q=nothing-like-" + marker)).contains("No list matches");
    }

    @Test
    void theOverviewPagesByTwentyFive() throws Exception {
        for (int i = 0; i < 26; i++) {
            manager.create(editor, new RecipientListDraft(team, String.format("Page %02d", i), null, List.of()));
        }
        String first = page(viewer, "/recipient-lists?team=" + team);
        assertThat(first)
                .contains("26 lists", "Page 00", "Page 24", "Page 1 of 2")
                .doesNotContain("Page 25<");
        String second = page(viewer, "/recipient-lists?page=2&team=" + team);
        assertThat(second).contains("Page 25", "Page 2 of 2").doesNotContain("Page 00");
        assertThat(page(viewer, "/recipient-lists?page=99&team=" + team)).contains("Page 2 of 2");
    }

    @Test
    void onAnyErrorNothingIsSavedAndTheTextIsKeptExactly() throws Exception {
        String typed =
                "\r\nok@example.com\r\n  Jane <jane@example.com>\r\nfoo@\r\n\"Unclosed <x@example.com>\r\nsecond@example.com";
        String fragment = mvc.perform(post("/recipient-lists")
                        .with(user(editor))
                        .with(csrf().asHeader())
                        .header("HX-Request", "true")
                        .param("teamId", team.toString())
                        .param("name", "Broken " + UUID.randomUUID())
                        .param("description", "<b>kept</b>")
                        .param("members", typed))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment)
                .contains("id=\"list-form\"", "is-invalid", "The list was not saved")
                .contains("Line 4: &#39;foo@&#39; is not a valid email address.")
                .contains("Line 5: a quotation mark is not closed")
                .as("the first line break survives the round trip: HTML drops one right after <textarea>")
                .contains(">\n" + HtmlUtils.htmlEscape(typed) + "</textarea>")
                .contains("&lt;b&gt;kept&lt;/b&gt;")
                .doesNotContain("<html");
        assertThat(listCount()).isZero();

        // a missing name together with a good members box: still nothing saved, text kept
        String nameMissing = mvc.perform(post("/recipient-lists")
                        .with(user(editor))
                        .with(csrf())
                        .param("teamId", team.toString())
                        .param("name", "  ")
                        .param("members", "a@example.com"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(nameMissing).contains("Enter a name for the list.", ">\na@example.com</textarea>");
        assertThat(listCount()).isZero();
    }

    @Test
    void anEditThatFailsChangesNothing() throws Exception {
        RecipientList list = aList("Keep me " + UUID.randomUUID(), "a@example.com", "b@example.com");
        RecipientList other = aList("Taken " + UUID.randomUUID(), "c@example.com");
        String tooMany = String.join(
                ",",
                java.util.stream.IntStream.range(0, 1001)
                        .mapToObj(i -> "m" + i + "@example.com")
                        .toList());
        String body = mvc.perform(post("/recipient-lists/{id}/edit", list.id())
                        .with(user(editor))
                        .with(csrf())
                        .param("version", String.valueOf(list.version()))
                        .param("name", list.name())
                        .param("members", tooMany))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("The list would have 1,001 addresses; a list can have at most 1,000.");
        assertThat(body).contains(tooMany);

        String duplicate = mvc.perform(post("/recipient-lists/{id}/edit", list.id())
                        .with(user(editor))
                        .with(csrf())
                        .param("version", String.valueOf(list.version()))
                        .param("name", other.name().toUpperCase())
                        .param("members", "z@example.com"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(duplicate).contains("This team already has a list with that name.");

        String stale = mvc.perform(post("/recipient-lists/{id}/edit", list.id())
                        .with(user(editor))
                        .with(csrf())
                        .param("version", String.valueOf(list.version() - 1))
                        .param("name", list.name())
                        .param("members", "z@example.com"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(stale).contains("Someone else changed this list", "z@example.com");

        RecipientList unchanged = manager.get(editor, list.id());
        assertThat(unchanged.name()).isEqualTo(list.name());
        assertThat(unchanged.version()).isEqualTo(list.version());
        assertThat(unchanged.members()).extracting(Recipient::email).containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void anHtmxCreateRedirectsWithHxRedirect() throws Exception {
        mvc.perform(post("/recipient-lists")
                        .with(user(teamAdmin))
                        .with(csrf().asHeader())
                        .header("HX-Request", "true")
                        .param("teamId", team.toString())
                        .param("name", "Htmx " + UUID.randomUUID())
                        .param("members", "a@example.com"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", org.hamcrest.Matchers.startsWith("/recipient-lists/")));
        assertThat(listCount()).isEqualTo(1);
    }
}
