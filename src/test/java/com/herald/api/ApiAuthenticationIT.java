package com.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class ApiAuthenticationIT {

    @Autowired
    MockMvc mvc;

    @Test
    void bootstrapApiKeyActsAsTheBootstrapAdmin() throws Exception {
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("list"))
                .andExpect(jsonPath("$.limit").value(25))
                .andExpect(jsonPath("$.offset").value(0))
                .andExpect(jsonPath("$.data[?(@.email == 'admin@test.local')].system_admin")
                        .value(true));
    }

    @Test
    void theKeyIsAlsoAcceptedAsXApiKey() throws Exception {
        mvc.perform(get("/api/v1/users").header("X-Api-Key", TestUsers.API_KEY)).andExpect(status().isOk());
    }

    @Test
    void missingKeyIsUnauthorizedWithTheErrorEnvelope() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("unauthorized"))
                .andReturn();
        assertEnvelopeCarriesTheCorrelationId(result);
    }

    @Test
    void unknownKeyIsUnauthorized() throws Exception {
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer not-a-real-key-000000000000000000000"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("unauthorized"));
    }

    @Test
    void aPortalSessionCookieIsNoWayIntoTheApi() throws Exception {
        Cookie session = mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user(TestUsers.ADMIN_EMAIL)
                        .password(TestUsers.ADMIN_PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("HERALD_SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").cookie(session))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("unauthorized"));
    }

    @Test
    void unknownApiPathIsNotFoundInTheEnvelope() throws Exception {
        MvcResult result = mvc.perform(
                        get("/api/v1/nothing-here").header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("not_found"))
                .andReturn();
        assertEnvelopeCarriesTheCorrelationId(result);
    }

    @Test
    void badPagingIsAValidationError() throws Exception {
        mvc.perform(get("/api/v1/users").param("limit", "0").header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("validation_error"));
        mvc.perform(get("/api/v1/users").param("limit", "abc").header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("validation_error"));
    }

    private static void assertEnvelopeCarriesTheCorrelationId(MvcResult result) throws Exception {
        String header = result.getResponse().getHeader("X-Correlation-ID");
        assertThat(header).isNotBlank();
        assertThat(result.getResponse().getContentAsString()).contains("\"request_id\":\"" + header + "\"");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "at com.");
    }
}
