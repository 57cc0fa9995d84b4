package com.herald.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientListDraft;
import com.herald.recipients.RecipientListManager;
import com.herald.reports.internal.DataSourceAdmin;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Changes outside identity land in the audit log too, with the acting user and the team. */
@IntegrationTest
class AuditTrailIT {

    @Autowired
    TestUsers users;

    @Autowired
    RecipientListManager lists;

    @Autowired
    DataSourceAdmin dataSources;

    @Autowired
    JdbcClient jdbc;

    private void actAs(HeraldUser user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recipientListChangesAreAuditedForTheirTeam() {
        UUID team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        actAs(editor);
        String name = "Audited " + UUID.randomUUID();
        UUID list = lists.create(
                        editor,
                        new RecipientListDraft(team, name, null, List.of(new RecipientInput("a@example.com", null))))
                .id();
        lists.update(
                editor,
                list,
                new RecipientListDraft(
                        team,
                        name,
                        "now described",
                        List.of(new RecipientInput("a@example.com", null), new RecipientInput("b@example.com", null))),
                null);
        lists.delete(editor, list);

        List<String> actions = jdbc.sql(
                        "SELECT action FROM audit_events WHERE target_id = ? AND team_id = ? AND actor_email = ? ORDER BY occurred_at")
                .params(list.toString(), team, editor.email())
                .query(String.class)
                .list();
        assertThat(actions)
                .containsExactly("recipient_list.created", "recipient_list.updated", "recipient_list.deleted");
        String diff = jdbc.sql(
                        "SELECT diff FROM audit_events WHERE target_id = ? AND action = 'recipient_list.updated'")
                .param(list.toString())
                .query(String.class)
                .single();
        assertThat(diff).contains("now described", "\"members\":{\"from\":1,\"to\":2}");
    }

    @Test
    void dataSourceChangesAreAuditedWithoutThePassword() {
        actAs(users.admin());
        String name = "Audited source " + UUID.randomUUID();
        UUID id = dataSources.create(name, "jdbc:mariadb://127.0.0.1:1/none", "reader", "s3cret-value", true, 1000, 30);
        dataSources.update(id, name, "jdbc:mariadb://127.0.0.1:2/none", "reader", "", true, 500, 30);
        List<String> diffs = jdbc.sql("SELECT diff FROM audit_events WHERE target_id = ? ORDER BY occurred_at")
                .param(id.toString())
                .query(String.class)
                .list();
        assertThat(diffs).hasSize(2);
        assertThat(String.join(" ", diffs))
                .doesNotContain("s3cret-value")
                .contains("\"password\"", "changed", "127.0.0.1:2");
        assertThat(diffs.get(1))
                .contains("\"max_rows\":{\"from\":1000,\"to\":500}")
                .doesNotContain("\"password\"");
    }
}
