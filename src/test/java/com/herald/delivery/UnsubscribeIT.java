package com.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.support.IntegrationTest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@RecordApplicationEvents
class UnsubscribeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Unsubscribes unsubscribes;

    @Autowired
    LinkSigner signer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void theLinkAsksFirstThenThePageFormRecordsWithItsCsrfToken() throws Exception {
        UUID schedule = UUID.randomUUID();
        String email = "Reader-" + UUID.randomUUID() + "@Example.com";
        String lower = email.toLowerCase();
        URI url = unsubscribes.url(schedule, email);
        assertThat(url.toString()).startsWith("http://localhost:").contains("/unsubscribe/");
        MockHttpSession session = new MockHttpSession();

        String page = mvc.perform(get(url.getPath()).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Stop receiving these scheduled report emails at " + lower + "?")
                .contains("action=\"" + url.getPath() + "\"")
                .contains("id=\"unsubscribe-confirm\"");
        assertThat(unsubscribes.isUnsubscribed(schedule, email))
                .as("GET only asks")
                .isFalse();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();

        String done = mvc.perform(post(url.getPath()).session(session).param("_csrf", csrf.group(1)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(done)
                .contains(
                        "You are unsubscribed", "You will no longer receive these scheduled report emails at " + lower);
        assertThat(unsubscribes.isUnsubscribed(schedule, email)).isTrue();
        assertThat(unsubscribes.isUnsubscribed(schedule, lower.toUpperCase())).isTrue();
        assertThat(unsubscribes.isUnsubscribed(UUID.randomUUID(), email)).isFalse();
        assertThat(events.stream(RecipientUnsubscribed.class))
                .containsExactly(new RecipientUnsubscribed(schedule, lower));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_events WHERE action = 'recipient.unsubscribed' AND target_id = ?")
                        .param(schedule.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the link again: says it is done, and confirming again changes nothing but tells listeners again
        assertThat(mvc.perform(get(url.getPath())).andReturn().getResponse().getContentAsString())
                .contains("You are unsubscribed");
        mvc.perform(post(url.getPath()).session(session).param("_csrf", csrf.group(1)))
                .andExpect(status().isOk());
        assertThat(events.stream(RecipientUnsubscribed.class)).hasSize(2);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_events WHERE action = 'recipient.unsubscribed' AND target_id = ?")
                        .param(schedule.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void oneClickFromAMailClientWorksWithoutCsrfTokenOrSession() throws Exception {
        UUID schedule = UUID.randomUUID();
        String email = "oneclick-" + UUID.randomUUID() + "@example.com";
        String path = unsubscribes.url(schedule, email).getPath();

        mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());

        assertThat(unsubscribes.isUnsubscribed(schedule, email)).isTrue();
        assertThat(events.stream(RecipientUnsubscribed.class))
                .containsExactly(new RecipientUnsubscribed(schedule, email));

        // RFC 8058 allows multipart/form-data as well
        String other = "multipart-" + UUID.randomUUID() + "@example.com";
        mvc.perform(multipart(unsubscribes.url(schedule, other).getPath()).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk());
        assertThat(unsubscribes.isUnsubscribed(schedule, other)).isTrue();
    }

    @Test
    void theCsrfExemptionCoversTheUnsubscribePathOnly() throws Exception {
        int status = mvc.perform(post("/forgot-password").param("email", "x@example.com"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as("forgot-password without a CSRF token").isNotEqualTo(200);
    }

    @Test
    void aTamperedForeignOrGarbledTokenShowsAFriendlyNotFoundPageAndRecordsNothing() throws Exception {
        UUID schedule = UUID.randomUUID();
        String email = "victim-" + UUID.randomUUID() + "@example.com";
        String token = unsubscribes.token(schedule, email);
        String[] parts = token.split("\\.");
        String flipped =
                parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        String otherAddress = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((schedule + "\nattacker@example.com").getBytes());
        List<String> bad = List.of(
                flipped,
                otherAddress + "." + parts[1] + "." + parts[2],
                signer.sign("download", schedule + "\n" + email, null),
                signer.sign("unsubscribe", "not a schedule id\n" + email, null),
                signer.sign(
                        "unsubscribe", schedule + "\n" + email, Instant.now().minusSeconds(1)),
                "not-a-token");

        for (String token404 : bad) {
            String page = mvc.perform(get("/unsubscribe/" + token404))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("This unsubscribe link does not work").doesNotContain("Exception");
            mvc.perform(post("/unsubscribe/" + token404)
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("List-Unsubscribe=One-Click"))
                    .andExpect(status().isNotFound());
        }
        assertThat(unsubscribes.isUnsubscribed(schedule, email)).isFalse();
        assertThat(unsubscribes.isUnsubscribed(schedule, "attacker@example.com"))
                .isFalse();
        assertThat(events.stream(RecipientUnsubscribed.class)).isEmpty();
    }

    @Test
    void unsubscribedAmongAnswersLowerCasedForOneSchedule() throws Exception {
        UUID schedule = UUID.randomUUID();
        String a = "a-" + UUID.randomUUID() + "@example.com";
        String b = "b-" + UUID.randomUUID() + "@example.com";
        for (String email : List.of(a, b)) {
            mvc.perform(post(unsubscribes.url(schedule, email).getPath())
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("List-Unsubscribe=One-Click"))
                    .andExpect(status().isOk());
        }

        assertThat(unsubscribes.unsubscribedAmong(schedule, List.of(a.toUpperCase(), "c@example.com", b)))
                .containsExactlyInAnyOrder(a, b);
        assertThat(unsubscribes.unsubscribedAmong(UUID.randomUUID(), List.of(a, b)))
                .isEmpty();
        assertThat(unsubscribes.unsubscribedAmong(schedule, List.of())).isEmpty();
    }
}
