package com.herald.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's {@link ResourceUrlEncodingFilter} (which Spring Boot registers because webjars-locator-lite turns the
 * resource chain on) rewrites every link a page renders: {@code /webjars/bootstrap/css/bootstrap.min.css} becomes the
 * versioned path. But static resources are served at {@code /**}, so it also asks the class path about every other
 * link — {@code /schedules/0190…}, {@code /schedules?page=2&sort=name} — in four locations inside the fat jar, and
 * caches only what it finds: a list page with 25 rows spent most of its time on these misses (docs/benchmarks.md,
 * Portal). This one resolves only the links under the static folders and the webjars, and leaves the others as they
 * are, as the standard filter ends up doing after its lookups.
 */
class StaticResourceUrlEncodingFilter extends ResourceUrlEncodingFilter {

    /** The folders of {@code src/main/resources/static} and the webjars: the only links that are resources. */
    static final List<String> STATIC_PREFIXES = List.of("/webjars/", "/css/", "/js/", "/img/");

    /** Replaces Spring Boot's registration (it backs off when a ResourceUrlEncodingFilter is registered). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
            FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                    new FilterRegistrationBean<>(new StaticResourceUrlEncodingFilter());
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            return registration;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse original)) {
            super.doFilter(request, response, chain);
            return;
        }
        String context = http.getContextPath();
        super.doFilter(
                request,
                response,
                (req, resolving) ->
                        chain.doFilter(req, new Skipping((HttpServletResponse) resolving, original, context)));
    }

    static boolean isStatic(String url, String contextPath) {
        if (!url.startsWith(contextPath)) {
            return false;
        }
        for (String prefix : STATIC_PREFIXES) {
            if (url.startsWith(prefix, contextPath.length())) {
                return true;
            }
        }
        return false;
    }

    /** Sends static links to the resolving response, every other link straight to the container's. */
    private static final class Skipping extends HttpServletResponseWrapper {

        private final HttpServletResponse original;
        private final String contextPath;

        Skipping(HttpServletResponse resolving, HttpServletResponse original, String contextPath) {
            super(resolving);
            this.original = original;
            this.contextPath = contextPath;
        }

        @Override
        public String encodeURL(String url) {
            return isStatic(url, contextPath) ? super.encodeURL(url) : original.encodeURL(url);
        }
    }
}
