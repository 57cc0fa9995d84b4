package com.herald.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AbsoluteSessionTimeoutFilterTest {

    private final AbsoluteSessionTimeoutFilter filter = new AbsoluteSessionTimeoutFilter(Duration.ofHours(12));

    private static HttpServletRequest requestWithSessionAged(Duration age, boolean htmx) {
        HttpSession session = mock(HttpSession.class);
        when(session.getCreationTime()).thenReturn(System.currentTimeMillis() - age.toMillis());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/schedules") {
            @Override
            public HttpSession getSession(boolean create) {
                return session;
            }
        };
        if (htmx) {
            request.addHeader("HX-Request", "true");
        }
        return request;
    }

    @Test
    void aSessionYoungerThanTwelveHoursGoesOn() throws Exception {
        HttpServletRequest request = requestWithSessionAged(Duration.ofHours(11), false);
        FilterChain chain = mock(FilterChain.class);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        verify(chain).doFilter(request, response);
        verify(request.getSession(false), never()).invalidate();
    }

    @Test
    void anOlderSessionIsEndedAndThePageGoesToLogin() throws Exception {
        HttpServletRequest request = requestWithSessionAged(Duration.ofHours(12).plusMinutes(1), false);
        FilterChain chain = mock(FilterChain.class);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        verify(request.getSession(false)).invalidate();
        verify(chain, never()).doFilter(request, response);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
    }

    @Test
    void anOlderSessionOnAnHtmxRequestAnswersHxRefresh() throws Exception {
        HttpServletRequest request = requestWithSessionAged(Duration.ofHours(13), true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, mock(FilterChain.class));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("HX-Refresh")).isEqualTo("true");
    }
}
