package com.herald.reports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts data source passwords at rest with AES-256-GCM. The key is {@code HERALD_SECRET_KEY} (base64 of
 * 32 bytes). Without it Herald uses {@code <data dir>/secret.key}, generating it (mode 600) on first use;
 * with an external database that is logged as a warning, because every instance of a cluster needs the same
 * key: set {@code HERALD_SECRET_KEY} there. Stored form: {@code v1:} + base64(12-byte IV ‖ ciphertext ‖ tag).
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public SecretCipher(Environment env) {
        this(loadKey(env));
    }

    SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("HERALD_SECRET_KEY must be the base64 encoding of exactly 32 bytes, e.g. "
                    + "the output of 'openssl rand -base64 32'");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    /** @throws IllegalStateException when the value was encrypted with another key or was altered */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Not an encrypted secret");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The stored password cannot be decrypted with the current HERALD_SECRET_KEY; enter it again", e);
        }
    }

    private static byte[] loadKey(Environment env) {
        String configured = env.getProperty("herald.secret-key");
        if (configured != null && !configured.isBlank()) {
            try {
                return Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "HERALD_SECRET_KEY is not valid base64; create one with " + "'openssl rand -base64 32'");
            }
        }
        Path file = Path.of(env.getProperty("herald.data-dir", "./data")).resolve("secret.key");
        boolean embedded = env.getProperty("herald.embedded-db.active", Boolean.class, false);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(
                    file,
                    Base64.getEncoder().encodeToString(key),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions apply
            }
            if (embedded) {
                log.info("Generated the key that encrypts data source passwords: {}", file.toAbsolutePath());
            } else {
                log.warn(
                        "HERALD_SECRET_KEY is not set: generated {} to encrypt data source passwords. Every "
                                + "instance sharing this database needs the same key: set HERALD_SECRET_KEY "
                                + "(openssl rand -base64 32) to that file's content on all of them.",
                        file.toAbsolutePath());
            }
            return key;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return loadKey(env);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read or create " + file.toAbsolutePath()
                            + "; set HERALD_SECRET_KEY (openssl rand -base64 32) instead",
                    e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " does not hold a base64 key", e);
        }
    }
}
