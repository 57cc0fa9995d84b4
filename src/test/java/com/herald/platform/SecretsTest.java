package com.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void secretsHaveTheLengthAskedForUseNoLookAlikesAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = Secrets.random(32);
            assertThat(secret).hasSize(32).matches("[A-Za-z2-9]+").doesNotContain("0", "O", "1", "l", "I");
            assertThat(seen.add(secret)).isTrue();
        }
    }
}
