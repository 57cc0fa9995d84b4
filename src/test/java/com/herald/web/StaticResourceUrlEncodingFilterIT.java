package com.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP (the filter is the container's): static links get their versions, other links stay as written. */
@IntegrationTest
class StaticResourceUrlEncodingFilterIT {

    @LocalServerPort
    int port;

    @Test
    void webjarLinksAreVersionedAndServedOtherLinksAreUntouched() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        Matcher bootstrap = Pattern.compile("href=\"(/webjars/bootstrap/[0-9][^/\"]*/css/bootstrap\\.min\\.css)\"")
                .matcher(page);
        assertThat(bootstrap.find()).as("versioned bootstrap link in %s", page).isTrue();
        assertThat(page).contains("src=\"/webjars/htmx.org/").contains("href=\"/css/herald.css\"");
        assertThat(page).contains("href=\"/forgot-password\"");

        HttpResponse<Void> css = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + bootstrap.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(css.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheStaticFoldersAndWebjarsAreResources() {
        assertThat(StaticResourceUrlEncodingFilter.isStatic("/webjars/bootstrap/css/x.css", ""))
                .isTrue();
        assertThat(StaticResourceUrlEncodingFilter.isStatic("/css/herald.css", ""))
                .isTrue();
        assertThat(StaticResourceUrlEncodingFilter.isStatic("/app/js/herald.js", "/app"))
                .isTrue();
        assertThat(StaticResourceUrlEncodingFilter.isStatic("/schedules?page=2", ""))
                .isFalse();
        assertThat(StaticResourceUrlEncodingFilter.isStatic("/cssx", "")).isFalse();
        assertThat(StaticResourceUrlEncodingFilter.isStatic("/js/x.js", "/app")).isFalse();
    }
}
