package com.herald.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.herald.platform.ApiErrorWriter;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The key cannot be checked while the database is down: 503 service_unavailable, not the container's 500. */
class ApiKeyAuthenticationFilterTest {

    @Test
    void aDatabaseDownAnswers503() throws Exception {
        ApiKeyRepository keys = mock(ApiKeyRepository.class);
        when(keys.findActive(anyString())).thenThrow(new CannotGetJdbcConnectionException("no connection"));
        ApiErrorWriter errors = mock(ApiErrorWriter.class);
        var filter = new ApiKeyAuthenticationFilter(keys, mock(UserRepository.class), errors);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/schedules");
        request.addHeader("Authorization", "Bearer hk_whatever");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        verify(errors)
                .write(
                        any(),
                        eq(503),
                        argThat(e -> e.error().code().equals("service_unavailable")
                                && e.error().details().get("retry_after").equals(5)));
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(chain.getRequest()).isNull();
    }
}
