package com.herald.identity.internal;

import com.herald.platform.ApiError;
import com.herald.platform.ApiErrorWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The JSON API and Actuator: API keys only, no session, no CSRF, errors as the api.md envelope. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiKeyRepository keys,
            UserRepository users,
            ApiErrorWriter errors,
            @Value("${herald.api.rate-limit-per-minute:600}") long rateLimit) {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.requireExplicitSave(true))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, users, errors), BasicAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimitFilter(rateLimit, errors), ApiKeyAuthenticationFilter.class)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole("SYSTEM_ADMIN")
                                .requestMatchers(HttpMethod.GET, "/api/**")
                                .hasAuthority("SCOPE_read")
                                .anyRequest()
                                .hasAuthority("SCOPE_write"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> errors.write(
                                response,
                                401,
                                ApiError.of(
                                        "unauthorized",
                                        "An API key is required: send it as 'Authorization: Bearer <key>'")))
                        .accessDeniedHandler((request, response, ex) ->
                                errors.write(response, 403, ApiError.of("forbidden", "The API key may not do this"))))
                .headers(h -> h.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * The OpenAPI document and Swagger UI: public (they describe the contract of api.md, no data; code generators
     * and CI fetch them without a session), stateless, read-only. Swagger UI sets style attributes from script,
     * so only its pages allow inline styles; scripts stay 'self' only (springdoc serves its initializer as a file).
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http) {
        http.securityMatcher(API_DOCS_PATHS)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, API_DOCS_PATHS)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(SWAGGER_UI_CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** The portal: form login, session, CSRF (htmx sends the token as a header), strict CSP. */
    @Bean
    @Order(3)
    SecurityFilterChain portalSecurity(HttpSecurity http) {
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/forgot-password",
                                "/reset-password/**",
                                "/invitations/**",
                                "/unsubscribe/**",
                                "/artifacts/**",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("SYSTEM_ADMIN")
                        .anyRequest()
                        .authenticated())
                // RFC 8058 one-click unsubscribe: a mail client POSTs without any CSRF token; the signed
                // token in the path is what authorises it (delivery's UnsubscribeController)
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe/**")))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("HERALD_SESSION")
                        .permitAll())
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(portalEntryPoint()).accessDeniedHandler(portalAccessDeniedHandler()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** An htmx request whose session expired reloads the page (and so reaches login) instead of swapping it in. */
    private static AuthenticationEntryPoint portalEntryPoint() {
        AuthenticationEntryPoint htmx = (request, response, ex) -> {
            response.setHeader("HX-Refresh", "true");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, ex) -> (isHtmx(request) ? htmx : login).commence(request, response, ex);
    }

    /** A stale CSRF token means the session is gone: reload (htmx) or back to login, never a bare 403. */
    private static AccessDeniedHandler portalAccessDeniedHandler() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, ex) -> {
            if (ex instanceof CsrfException) {
                if (isHtmx(request)) {
                    response.setHeader("HX-Refresh", "true");
                    response.setStatus(403);
                    return;
                }
                if (request.getUserPrincipal() == null) {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                    return;
                }
            }
            forbidden.handle(request, response, ex);
        };
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
