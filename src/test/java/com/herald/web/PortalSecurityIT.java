package com.herald.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class PortalSecurityIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loginPageCarriesStrictSecurityHeaders() throws Exception {
        MvcResult result = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        String csp = result.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponse().getContentAsString()).contains("name=\"email\"", "name=\"_csrf\"");
    }

    @Test
    void anonymousPageRequestGoesToLogin() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anonymousHtmxRequestGetsHxRefreshInsteadOfTheLoginPage() throws Exception {
        MvcResult result = mvc.perform(get("/admin/outbox").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Refresh", "true"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("<form");
    }

    @Test
    void htmxPostWithAStaleCsrfTokenGetsHxRefresh() throws Exception {
        mvc.perform(post("/admin/settings/test-email")
                        .with(user(TestUsers.ADMIN_EMAIL).roles("USER", "SYSTEM_ADMIN"))
                        .header("HX-Request", "true")
                        .header("X-CSRF-TOKEN", "stale")
                        .param("recipient", "someone@example.com"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void signingInIssuesANewSessionIdStoredInTheDatabase() throws Exception {
        MvcResult loginPage = mvc.perform(get("/login")).andReturn();
        Cookie anonymous = loginPage.getResponse().getCookie("HERALD_SESSION");
        assertThat(anonymous).isNotNull();
        MvcResult login = mvc.perform(post("/login")
                        .cookie(anonymous)
                        .with(csrf())
                        .param("email", TestUsers.ADMIN_EMAIL)
                        .param("password", TestUsers.ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie signedIn = login.getResponse().getCookie("HERALD_SESSION");
        assertThat(signedIn).isNotNull();
        assertThat(signedIn.getValue()).isNotEqualTo(anonymous.getValue());
        assertThat(signedIn.isHttpOnly()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                        .param(TestUsers.ADMIN_EMAIL)
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("SELECT DISTINCT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                        .param(TestUsers.ADMIN_EMAIL)
                        .query(Integer.class)
                        .list())
                .as("idle timeout in seconds")
                .containsExactly(1800);
    }

    @Test
    void wrongPasswordGetsTheGenericError() throws Exception {
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user(TestUsers.ADMIN_EMAIL)
                        .password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user("nobody@test.local")
                        .password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
        String page = mvc.perform(get("/login").param("error", ""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("The email or password is not correct");
    }

    @Test
    void signedInUserSeesTheDashboardWithoutTheAdministrationMenu() throws Exception {
        Cookie session = signIn(users.createUser(TestUsers.PASSWORD), TestUsers.PASSWORD);
        String page = mvc.perform(get("/").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Welcome, Test User", "href=\"/schedules\"", "href=\"/recipient-lists\"");
        assertThat(page).doesNotContain("href=\"/admin/outbox\"");
    }

    @Test
    void adminSeesTheAdministrationMenu() throws Exception {
        String page = mvc.perform(get("/").cookie(signIn(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/admin/outbox\"", "href=\"/admin/settings\"", "href=\"/admin/users\"");
    }

    @Test
    void errorPagesAreFriendlyAndNeverShowAStackTrace() throws Exception {
        Cookie session = signIn(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        for (String path :
                new String[] {"/no-such-page", "/admin/outbox/" + UUID.randomUUID(), "/admin/outbox/not-a-uuid"}) {
            MvcResult result = mvc.perform(get(path).cookie(session).accept(MediaType.TEXT_HTML))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).isBetween(400, 499);
            String page = errorPage(result);
            assertThat(page).contains("Request id:").doesNotContain("Exception", "at com.herald", "at org.");
        }
    }

    @Test
    void theServerErrorPageApologisesWithTheRequestIdOnly() throws Exception {
        String page = mvc.perform(get("/error")
                        .accept(MediaType.TEXT_HTML)
                        .requestAttr("jakarta.servlet.error.status_code", 500)
                        .requestAttr("jakarta.servlet.error.exception", new IllegalStateException("secret detail"))
                        .requestAttr("jakarta.servlet.error.request_uri", "/somewhere"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Something went wrong", "Request id:");
        assertThat(page).doesNotContain("secret detail", "IllegalStateException", "at com.", "at org.");
    }

    @Test
    void theUnavailablePageNeedsNoSessionAndGivesTheRequestId() throws Exception {
        String page = mvc.perform(get("/error")
                        .accept(MediaType.TEXT_HTML)
                        .requestAttr("jakarta.servlet.error.status_code", 503)
                        .requestAttr("jakarta.servlet.error.request_uri", "/schedules"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Herald is unavailable for a moment", "Request id:");
        assertThat(page).doesNotContain("csrf-token", "navbar");
    }

    /** MockMvc does not forward to the error page itself; this renders it as the container would. */
    private String errorPage(MvcResult result) throws Exception {
        return mvc.perform(get("/error")
                        .accept(MediaType.TEXT_HTML)
                        .requestAttr(
                                "jakarta.servlet.error.status_code",
                                result.getResponse().getStatus())
                        .requestAttr(
                                "jakarta.servlet.error.request_uri",
                                result.getRequest().getRequestURI()))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Spring Session keeps the session in the database and finds it by cookie, as a browser would. */
    private Cookie signIn(String email, String password) throws Exception {
        MvcResult login = mvc.perform(
                        formLogin("/login").userParameter("email").user(email).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie cookie = login.getResponse().getCookie("HERALD_SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    @Test
    void nonAdminCannotReachAdminPagesAndSeesAFriendlyPage() throws Exception {
        Cookie session = signIn(users.createUser(TestUsers.PASSWORD), TestUsers.PASSWORD);
        for (String path : new String[] {"/admin/outbox", "/admin/settings", "/admin/users"}) {
            mvc.perform(get(path).cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/schedules").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void logoutEndsTheSessionOnTheServer() throws Exception {
        Cookie session = signIn(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void everyResponseCarriesARequestIdAndReusesAClientUuid() throws Exception {
        String clientId = UUID.randomUUID().toString();
        mvc.perform(get("/login").header("X-Correlation-ID", clientId))
                .andExpect(header().string("X-Correlation-ID", clientId));
        String generated = mvc.perform(get("/login").header("X-Correlation-ID", "not a uuid\r\nX-Evil: 1"))
                .andReturn()
                .getResponse()
                .getHeader("X-Correlation-ID");
        assertThat(UUID.fromString(generated)).isNotNull();
    }
}
