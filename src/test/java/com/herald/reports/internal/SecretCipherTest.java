package com.herald.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SecretCipherTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        SecretCipher cipher = new SecretCipher(new byte[32]);
        String stored = cipher.encrypt("s3cret-pässword");
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.decrypt(stored)).isEqualTo("s3cret-pässword");
        assertThat(cipher.encrypt("s3cret-pässword")).as("a fresh IV each time").isNotEqualTo(stored);
    }

    @Test
    void anotherKeyOrATamperedValueCannotDecrypt() {
        SecretCipher cipher = new SecretCipher(new byte[32]);
        String stored = cipher.encrypt("secret");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new SecretCipher(other).decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HERALD_SECRET_KEY");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void usesHeraldSecretKeyWhenSet() {
        byte[] key = new byte[32];
        key[5] = 42;
        MockEnvironment env = new MockEnvironment()
                .withProperty("herald.secret-key", Base64.getEncoder().encodeToString(key))
                .withProperty("herald.data-dir", dir.toString());
        String stored = new SecretCipher(env).encrypt("x");
        assertThat(new SecretCipher(key).decrypt(stored)).isEqualTo("x");
        assertThat(dir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void generatesAKeyFileReadableByItsOwnerOnlyAndReusesIt() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("herald.data-dir", dir.toString())
                .withProperty("herald.embedded-db.active", "true");
        String stored = new SecretCipher(env).encrypt("kept");
        Path file = dir.resolve("secret.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(new SecretCipher(env).decrypt(stored)).isEqualTo("kept");
    }

    @Test
    void aKeyOfTheWrongLengthStopsTheStartWithAClearMessage() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("herald.secret-key", Base64.getEncoder().encodeToString(new byte[16]))
                .withProperty("herald.data-dir", dir.toString());
        assertThatThrownBy(() -> new SecretCipher(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
