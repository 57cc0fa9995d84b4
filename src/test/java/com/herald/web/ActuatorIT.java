package com.herald.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ActuatorIT {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsPublicButItsDetailsAreForAdmins() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void adminSeesDatabaseMailAndSchedulerHealth() throws Exception {
        mvc.perform(get("/actuator/health").header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(
                        jsonPath("$.components.mailTransport.details.transport").value("outbox"))
                .andExpect(jsonPath("$.components.dbScheduler.status").value("UP"));
    }

    @Test
    void prometheusNeedsAnAdminKey() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("unauthorized"));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")))
                .andExpect(content().string(Matchers.containsString("hikaricp_connections")));
    }
}
