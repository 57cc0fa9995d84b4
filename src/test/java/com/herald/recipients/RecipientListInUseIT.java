package com.herald.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A list some schedule uses cannot be deleted, in the portal or the API; the answer names the schedules. */
@IntegrationTest
class RecipientListInUseIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    RecipientListManager manager;

    @Autowired
    RecipientLists lists;

    @Autowired
    FakeScheduleUsage schedules;

    @Test
    void deletingAListInUseIsAConflictNamingTheSchedules() throws Exception {
        UUID team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        RecipientList list = manager.create(
                editor,
                new RecipientListDraft(team, "In use", null, List.of(new RecipientInput("a@example.com", null))));
        schedules.use(list.id(), "Weekly sales", "Daily <b>EMEA</b>");
        try {
            mvc.perform(delete("/api/v1/recipient-lists/{id}", list.id())
                            .header("Authorization", "Bearer " + users.createApiKey(editor, "read,write")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.error.code").value("conflict"))
                    .andExpect(jsonPath("$.error.message", containsString("Daily <b>EMEA</b>, Weekly sales")))
                    .andExpect(jsonPath("$.error.details.schedules[0]").value("Daily <b>EMEA</b>"))
                    .andExpect(jsonPath("$.error.details.schedules[1]").value("Weekly sales"));

            String page = mvc.perform(post("/recipient-lists/{id}/delete", list.id())
                            .with(user(editor))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .contains("id=\"delete-refused\"", "Daily &lt;b&gt;EMEA&lt;/b&gt;, Weekly sales")
                    .doesNotContain("<b>EMEA</b>");
            assertThat(lists.find(list.id())).isPresent();
        } finally {
            schedules.release(list.id());
        }
        mvc.perform(post("/recipient-lists/{id}/delete", list.id())
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(lists.find(list.id())).isEmpty();
    }

    @Test
    void otherModulesReadMembersAndMarkAddressesUnsubscribed() {
        UUID team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        RecipientList list = manager.create(
                editor,
                new RecipientListDraft(
                        team,
                        "Read API",
                        null,
                        List.of(
                                new RecipientInput("a@example.com", "A"),
                                new RecipientInput("b@example.com", null),
                                new RecipientInput("c@example.com", null))));
        assertThat(lists.teamOf(list.id())).contains(team);
        assertThat(lists.markUnsubscribed(list.id(), "B@EXAMPLE.COM")).isTrue();
        assertThat(lists.setStatus(list.id(), "c@example.com", RecipientStatus.BOUNCING))
                .isTrue();
        assertThat(lists.markUnsubscribed(list.id(), "nobody@example.com")).isFalse();
        assertThat(lists.activeMembers(list.id()))
                .containsExactly(new Recipient("a@example.com", "A", RecipientStatus.ACTIVE));
        assertThat(lists.membersOf(List.of(list.id(), UUID.randomUUID())).get(list.id()))
                .extracting(Recipient::status)
                .containsExactly(RecipientStatus.ACTIVE, RecipientStatus.UNSUBSCRIBED, RecipientStatus.BOUNCING);
        assertThat(lists.find(UUID.randomUUID())).isEmpty();
        assertThat(lists.members(UUID.randomUUID())).isEmpty();
    }
}
