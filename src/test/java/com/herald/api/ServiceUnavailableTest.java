package com.herald.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The database down in an API request: 503 service_unavailable with Retry-After, never 500 (api.md). */
class ServiceUnavailableTest {

    @RestController
    static class FailingController {

        @GetMapping("/api/v1/test/no-connection")
        void noConnection() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }

        @GetMapping("/api/v1/test/pool-timeout")
        void poolTimeout() throws Exception {
            throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        }

        @GetMapping("/api/v1/test/wrapped")
        void wrapped() {
            throw new IllegalStateException(
                    "run failed", new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }

        @GetMapping("/api/v1/test/bug")
        void bug() {
            throw new IllegalStateException("a bug");
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ApiExceptionHandler(new StaticMessageSource()))
            .build();

    @Test
    void aMissingConnectionIs503WithRetryAfter() throws Exception {
        for (String path : new String[] {"no-connection", "pool-timeout", "wrapped"}) {
            mvc.perform(get("/api/v1/test/" + path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.error.code").value("service_unavailable"))
                    .andExpect(jsonPath("$.error.details.retry_after").value(5));
        }
    }

    @Test
    void otherFailuresStay500() throws Exception {
        mvc.perform(get("/api/v1/test/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error.code").value("internal_error"))
                .andExpect(header().doesNotExist("Retry-After"));
    }
}
