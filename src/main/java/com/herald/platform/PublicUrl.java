package com.herald.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The absolute base URL of Herald for links made outside a request (emails of scheduled runs):
 * {@code herald.public-url} (HERALD_PUBLIC_URL), or {@code http://localhost:<port>} when it is blank.
 * Requests build their links from the URL they came in on ({@link Forms#baseUrl()}); a background job
 * has no request, so it needs this.
 */
@Component
public class PublicUrl {

    private final Environment env;
    private final String configured;

    public PublicUrl(Environment env) {
        this.env = env;
        this.configured = normalize(env.getProperty("herald.public-url", ""));
    }

    /** True when herald.public-url is set (not the localhost fallback). */
    public boolean configured() {
        return configured != null;
    }

    /** The base URL without a trailing slash, e.g. {@code https://herald.example.com}. */
    public String base() {
        if (configured != null) {
            return configured;
        }
        // read on each call: local.server.port only exists once the server has started
        String port = env.getProperty("local.server.port");
        if (port == null || port.isBlank() || "0".equals(port)) {
            port = env.getProperty("server.port", "8080");
        }
        return "http://localhost:" + port;
    }

    /** The absolute URL of a path of Herald ({@code /unsubscribe/abc}). */
    public URI resolve(String path) {
        return URI.create(base() + (path.startsWith("/") ? path : "/" + path));
    }

    /** The host name of the base URL, e.g. {@code herald.example.com}. */
    public String host() {
        return URI.create(base()).getHost();
    }

    private static String normalize(String value) {
        String url = value == null ? "" : value.strip();
        if (url.isEmpty()) {
            return null;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(
                    "HERALD_PUBLIC_URL must be an absolute http or https URL like https://herald.example.com, not '"
                            + url + "'");
        }
        return url;
    }
}
