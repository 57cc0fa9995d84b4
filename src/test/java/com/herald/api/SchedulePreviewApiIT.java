package com.herald.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class SchedulePreviewApiIT {

    static final String PATH = "/api/v1/schedules/preview";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    String writeKey;
    String readKey;

    @BeforeEach
    void keys() {
        HeraldUser user = users.createUserAccount(false);
        writeKey = users.createApiKey(user, "read,write");
        readKey = users.createApiKey(user, "read");
    }

    private ResultActions preview(String key, String body) throws Exception {
        return mvc.perform(post(PATH)
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void previewsADailyTimeShiftedBySpringForward() throws Exception {
        preview(writeKey, """
                        {"cadence": {"frequency": "daily", "hour": 2, "minute": 30},
                         "time_zone": "Europe/Berlin", "start_at": "2030-03-30T00:00:00Z",
                         "end_at": "2030-04-01T12:00:00Z", "count": 5}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("schedule_preview"))
                .andExpect(jsonPath("$.description").value("Every day at 02:30, Europe/Berlin"))
                .andExpect(jsonPath("$.time_zone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.viewer_time_zone").value("UTC"))
                .andExpect(jsonPath("$.fire_times", hasSize(3)))
                .andExpect(jsonPath("$.fire_times[0].instant").value("2030-03-30T01:30:00Z"))
                .andExpect(jsonPath("$.fire_times[0].local_time").value("2030-03-30T02:30:00+01:00"))
                .andExpect(jsonPath("$.fire_times[0].dst_shifted").value(false))
                .andExpect(jsonPath("$.fire_times[1].instant").value("2030-03-31T01:00:00Z"))
                .andExpect(jsonPath("$.fire_times[1].local_time").value("2030-03-31T03:00:00+02:00"))
                .andExpect(jsonPath("$.fire_times[1].viewer_local_time").value("2030-03-31T01:00:00Z"))
                .andExpect(jsonPath("$.fire_times[1].dst_shifted").value(true))
                .andExpect(jsonPath("$.fire_times[2].local_time").value("2030-04-01T02:30:00+02:00"));
    }

    @Test
    void previewsACronWithTenFiresByDefault() throws Exception {
        preview(writeKey, """
                        {"cadence": {"frequency": "cron", "expression": "0 15 10 ? * mon-fri"},
                         "time_zone": "America/New_York"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description")
                        .value("At 10:15 every day between Monday and Friday, America/New_York"))
                .andExpect(jsonPath("$.fire_times", hasSize(10)))
                .andExpect(jsonPath("$.fire_times[0].local_time", containsString("T10:15:00-0")));
    }

    @Test
    void listsUnknownFieldsAndBadCadenceFields() throws Exception {
        preview(writeKey, """
                        {"cadence": {"frequency": "weekly", "days_of_week": ["MON", "XYZ"], "hour": 24,
                                     "minute": 0, "second": 5},
                         "time_zone": "Mars/Olympus", "colour": "blue"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"))
                .andExpect(jsonPath(
                        "$.error.details.errors[*].field",
                        containsInAnyOrder(
                                "colour", "cadence.second", "cadence.days_of_week", "cadence.hour", "time_zone")))
                .andExpect(jsonPath("$.error.details.errors[?(@.field == 'cadence.hour')].message")
                        .value("must be between 0 and 23"));
    }

    @Test
    void explainsABadCronExpression() throws Exception {
        preview(writeKey, """
                        {"cadence": {"frequency": "cron", "expression": "0 0 25 * * ?"}, "time_zone": "UTC"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("cadence.expression"))
                .andExpect(jsonPath("$.error.details.errors[0].message", containsString("25")));
    }

    @Test
    void refusesMoreThanFiftyFireTimes() throws Exception {
        preview(writeKey, """
                        {"cadence": {"frequency": "hourly", "minute": 0}, "time_zone": "UTC", "count": 51}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("count"))
                .andExpect(jsonPath("$.error.details.errors[0].message").value("must be an integer between 1 and 50"));
        preview(writeKey, """
                        {"cadence": {"frequency": "hourly", "minute": 0}, "time_zone": "UTC", "count": 50}""").andExpect(status().isOk()).andExpect(jsonPath("$.fire_times", hasSize(50)));
    }

    @Test
    void needsScopeWriteBecauseItIsAPost() throws Exception {
        preview(readKey, """
                        {"cadence": {"frequency": "hourly", "minute": 0}, "time_zone": "UTC"}""")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("forbidden"));
    }
}
