package com.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicUrlTest {

    @Test
    void configuredUrlLosesItsTrailingSlash() {
        PublicUrl url = new PublicUrl(
                new MockEnvironment().withProperty("herald.public-url", " https://h.example.com/herald/ "));
        assertThat(url.configured()).isTrue();
        assertThat(url.base()).isEqualTo("https://h.example.com/herald");
        assertThat(url.resolve("/unsubscribe/x")).hasToString("https://h.example.com/herald/unsubscribe/x");
        assertThat(url.host()).isEqualTo("h.example.com");
    }

    @Test
    void blankFallsBackToTheRunningPortThenServerPortThen8080() {
        MockEnvironment env = new MockEnvironment().withProperty("herald.public-url", "");
        PublicUrl url = new PublicUrl(env);
        assertThat(url.configured()).isFalse();
        assertThat(url.base()).isEqualTo("http://localhost:8080");
        env.setProperty("server.port", "9090");
        assertThat(url.base()).isEqualTo("http://localhost:9090");
        env.setProperty("local.server.port", "41234");
        assertThat(url.base()).isEqualTo("http://localhost:41234");
        assertThat(url.resolve("a")).hasToString("http://localhost:41234/a");
    }

    @Test
    void aUrlThatIsNotAbsoluteHttpStopsTheStart() {
        for (String bad : new String[] {"herald.example.com", "ftp://h.example.com", "https://h.example.com/?x=1"}) {
            assertThatThrownBy(() -> new PublicUrl(new MockEnvironment().withProperty("herald.public-url", bad)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HERALD_PUBLIC_URL");
        }
    }
}
