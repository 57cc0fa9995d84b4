package com.herald.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ReportTypesApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoReportTypesExist() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM report_types WHERE type_key = 'weekly_top_products'")
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void anAdminListsEveryReportTypeInTheListEnvelope() throws Exception {
        mvc.perform(get("/api/v1/report-types").header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("list"))
                .andExpect(jsonPath("$.limit").value(25))
                .andExpect(jsonPath("$.offset").value(0))
                .andExpect(jsonPath("$.total").value(Matchers.greaterThanOrEqualTo(5)))
                .andExpect(jsonPath("$.data[?(@.key == 'delivery_audit')].system_report")
                        .value(true));
        mvc.perform(get("/api/v1/report-types")
                        .param("limit", "2")
                        .param("offset", "1")
                        .header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(jsonPath("$.data.length()").value(2))
                .andExpect(jsonPath("$.limit").value(2))
                .andExpect(jsonPath("$.offset").value(1));
    }

    @Test
    void oneReportTypeWithItsParametersFormatsAndMinimumInterval() throws Exception {
        mvc.perform(get("/api/v1/report-types/weekly_top_products")
                        .header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("report_type"))
                .andExpect(jsonPath("$.key").value("weekly_top_products"))
                .andExpect(jsonPath("$.name").value("Weekly top products"))
                .andExpect(jsonPath("$.minimum_interval").value("PT24H"))
                .andExpect(jsonPath("$.formats[0]").value("xlsx"))
                .andExpect(jsonPath("$.formats.length()").value(4))
                .andExpect(jsonPath("$.default_format").value("xlsx"))
                .andExpect(jsonPath("$.parameters[0].name").value("week_start"))
                .andExpect(jsonPath("$.parameters[0].type").value("date"))
                .andExpect(jsonPath("$.parameters[0].required").value(true))
                .andExpect(jsonPath("$.parameters[0].default_value").value("start_of_week-1w"))
                .andExpect(jsonPath("$.parameters[1].type").value("enum"))
                .andExpect(jsonPath("$.parameters[1].allowed_values[0]").value("Hardware"))
                .andExpect(jsonPath("$.sql").doesNotExist());
    }

    @Test
    void aMemberSeesOnlyTypesGrantedToTheirTeamAndOthersAreNotFound() throws Exception {
        UUID team = users.createTeam();
        HeraldUser member = users.createMember(team, TeamRole.VIEWER);
        String key = jdbc.sql("SELECT type_key FROM report_types WHERE type_key = 'daily_sales_by_region'")
                .query(String.class)
                .single();
        UUID typeId = jdbc.sql("SELECT id FROM report_types WHERE type_key = ?")
                .param(key)
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO report_type_teams (report_type_id, team_id) VALUES (?, ?)")
                .params(typeId, team)
                .update();
        String secret = users.createApiKey(member, "read");
        mvc.perform(get("/api/v1/report-types").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.data[0].key").value("daily_sales_by_region"));
        mvc.perform(get("/api/v1/report-types/daily_sales_by_region").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/report-types/weekly_top_products").header("Authorization", "Bearer " + secret))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("not_found"))
                .andExpect(header().exists("X-Correlation-ID"));
        mvc.perform(get("/api/v1/report-types/no_such_type").header("Authorization", "Bearer " + secret))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("not_found"));
    }

    @Test
    void aUserWithoutTeamsSeesAnEmptyList() throws Exception {
        String secret = users.createApiKey(users.createUserAccount(false), "read");
        mvc.perform(get("/api/v1/report-types").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.data.length()").value(0));
    }

    @Test
    void badPagingIsAValidationError() throws Exception {
        mvc.perform(get("/api/v1/report-types")
                        .param("limit", "0")
                        .header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("validation_error"));
        mvc.perform(get("/api/v1/report-types")
                        .param("offset", "-1")
                        .header("Authorization", "Bearer " + TestUsers.API_KEY))
                .andExpect(status().isBadRequest());
    }
}
