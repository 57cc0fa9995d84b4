package com.herald.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A tiny per-key limit, so the test reaches it in a few requests. */
@SpringBootTest(properties = "herald.api.rate-limit-per-minute=3")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RateLimitIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void overTheLimitAKeyGets429WithRetryAfterWhileOtherKeysGoOn() throws Exception {
        String key = "Bearer " + users.createApiKey(users.createUserAccount(false), "read");
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/api-keys").header("Authorization", key)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/api-keys").header("Authorization", key))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().exists("X-Correlation-ID"))
                .andExpect(jsonPath("$.error.code").value("rate_limit_exceeded"))
                .andExpect(jsonPath("$.error.details.retry_after").value(Matchers.greaterThanOrEqualTo(1)));

        String other = "Bearer " + users.createApiKey(users.createUserAccount(false), "read");
        mvc.perform(get("/api/v1/api-keys").header("Authorization", other)).andExpect(status().isOk());
    }
}
