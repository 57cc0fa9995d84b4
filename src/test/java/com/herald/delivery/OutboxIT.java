package com.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class OutboxIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailTransport transport;

    private static RequestPostProcessor admin() {
        return user(new HeraldUser(
                UUID.randomUUID(), "admin@test.local", "Admin", null, true, true, false, "Europe/Berlin", "en"));
    }

    @Test
    void withoutSmtpMailGoesToTheOutbox() {
        assertThat(transport.isOutbox()).isTrue();
    }

    @Test
    void testEmailLandsInTheOutboxAndDownloadsAsEml() throws Exception {
        String recipient = "outbox-" + UUID.randomUUID() + "@example.com";
        String fragment = mvc.perform(post("/admin/settings/test-email")
                        .with(admin())
                        .with(csrf().asHeader())
                        .header("HX-Request", "true")
                        .param("recipient", recipient))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment)
                .contains("id=\"test-email\"", "hx-swap-oob", "is in the outbox")
                .doesNotContain("<html");

        UUID id = jdbc.sql("SELECT id FROM outbox_messages WHERE to_addresses = ?")
                .param(recipient)
                .query(UUID.class)
                .single();

        String list = mvc.perform(get("/admin/outbox").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(recipient, "Herald test email", "/admin/outbox/" + id + "/eml");

        MvcResult eml = mvc.perform(get("/admin/outbox/{id}/eml", id).with(admin()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(eml.getResponse().getContentType()).startsWith("message/rfc822");
        assertThat(eml.getResponse().getHeader("Content-Disposition")).contains("attachment", ".eml");
        String raw = eml.getResponse().getContentAsString();
        assertThat(raw).contains("Subject: Herald test email", "To: " + recipient, "text/html", "text/plain");

        String page = mvc.perform(get("/admin/outbox/{id}", id).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("This is a test email from Herald", "sandbox=\"\"");

        MvcResult html = mvc.perform(get("/admin/outbox/{id}/html", id).with(admin()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(html.getResponse().getHeader("Content-Security-Policy")).contains("sandbox", "default-src 'none'");
        assertThat(html.getResponse().getContentAsString()).contains("Herald test email");
    }

    @Test
    void invalidRecipientIsAFieldErrorThatKeepsWhatWasTyped() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM outbox_messages")
                .query(Long.class)
                .single();
        for (String bad : new String[] {"not-an-address", "", "a@example.com\r\nBcc: victim@example.com"}) {
            String fragment = mvc.perform(post("/admin/settings/test-email")
                            .with(admin())
                            .with(csrf().asHeader())
                            .header("HX-Request", "true")
                            .param("recipient", bad))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(fragment).contains("is-invalid", "invalid-feedback");
            if (bad.equals("not-an-address")) {
                assertThat(fragment).contains("value=\"not-an-address\"");
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void withoutJavaScriptTheFormPostsAndRedirectsWithAToast() throws Exception {
        MvcResult result = mvc.perform(post("/admin/settings/test-email")
                        .with(admin())
                        .with(csrf())
                        .param("recipient", "nojs@example.com"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/settings");
        assertThat(result.getFlashMap().get("toast")).isNotNull();
    }
}
