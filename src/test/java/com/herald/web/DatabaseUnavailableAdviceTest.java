package com.herald.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;

/** A portal page with the database down: 503 and the friendly page, not the 500 page. */
class DatabaseUnavailableAdviceTest {

    @Controller
    static class FailingPage {

        @GetMapping("/schedules")
        String page() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }
    }

    @Test
    void aPageAnswers503WithRetryAfter() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingPage())
                .setControllerAdvice(new DatabaseUnavailableAdvice())
                .build();
        mvc.perform(get("/schedules"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void aFilterFailingOnTheDatabaseAnswers503() throws Exception {
        var views = org.mockito.Mockito.mock(org.thymeleaf.spring6.view.ThymeleafViewResolver.class);
        var errors = org.mockito.Mockito.mock(com.herald.platform.ApiErrorWriter.class);
        var filter = new DatabaseUnavailableFilter(errors, views);
        jakarta.servlet.FilterChain sessionDown = (request, response) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        };

        var page = new org.springframework.mock.web.MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/schedules"), page, sessionDown);
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self';");
        org.mockito.Mockito.verify(views)
                .resolveViewName(org.mockito.ArgumentMatchers.eq("error/503"), org.mockito.ArgumentMatchers.any());

        var api = new org.springframework.mock.web.MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/schedules"), api, sessionDown);
        org.mockito.Mockito.verify(errors)
                .write(
                        org.mockito.ArgumentMatchers.eq(api),
                        org.mockito.ArgumentMatchers.eq(503),
                        org.mockito.ArgumentMatchers.argThat(
                                e -> e.error().code().equals("service_unavailable")));
    }
}
