package com.herald.identity.internal;

import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import com.herald.platform.Secrets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Creates the first system admin when no user exists: from HERALD_ADMIN_EMAIL / HERALD_ADMIN_PASSWORD,
 * or with a generated password printed once. HERALD_BOOTSTRAP_API_KEY gives that admin an API key.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String DEFAULT_ADMIN_EMAIL = "admin@herald.local";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final BootstrapProperties properties;
    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    AdminBootstrap(
            BootstrapProperties properties,
            UserRepository users,
            ApiKeyRepository keys,
            PasswordEncoder passwordEncoder,
            TransactionTemplate tx,
            AuditLog audit) {
        this.audit = audit;
        this.properties = properties;
        this.users = users;
        this.keys = keys;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = StringUtils.hasText(properties.adminEmail()) ? properties.adminEmail() : DEFAULT_ADMIN_EMAIL;
        if (users.count() == 0) {
            createAdmin(email);
        }
        String apiKey = properties.bootstrapApiKey();
        if (StringUtils.hasText(apiKey)) {
            addBootstrapKey(email, apiKey.trim());
        }
    }

    private void createAdmin(String email) {
        boolean generated = !StringUtils.hasText(properties.adminPassword());
        String password = generated ? Secrets.random(20) : properties.adminPassword();
        try {
            tx.executeWithoutResult(
                    status -> users.create(email, "Administrator", passwordEncoder.encode(password), true));
        } catch (DuplicateKeyException e) {
            // another instance of the cluster created it first
            return;
        }
        if (generated) {
            log.warn("""

                    ==============================================================
                      Herald created the first system administrator.
                      Sign in with:   {}
                      Password:       {}
                      This password is shown only this once. Change it after
                      signing in, or set HERALD_ADMIN_EMAIL / HERALD_ADMIN_PASSWORD.
                    ==============================================================""", email, password);
        } else {
            log.info("Created the first system administrator {} from HERALD_ADMIN_EMAIL", email);
        }
    }

    private void addBootstrapKey(String email, String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("HERALD_BOOTSTRAP_API_KEY must have at least 32 characters");
        }
        if (keys.exists(secret)) {
            return;
        }
        UUID adminId = users.findByEmail(email)
                .filter(u -> u.systemAdmin())
                .map(u -> u.id())
                .orElseThrow(() -> new IllegalStateException(
                        "HERALD_BOOTSTRAP_API_KEY is set but " + email + " is not a system administrator"));
        try {
            UUID keyId = keys.create(adminId, "bootstrap", secret, new LinkedHashSet<>(List.of("read", "write")));
            audit.record(
                    AuditEvent.of("api_key.created", "api_key", keyId, "bootstrap")
                            .withChanges(Map.of(), Map.of("owner", email, "source", "HERALD_BOOTSTRAP_API_KEY")),
                    "herald");
            log.info("Registered HERALD_BOOTSTRAP_API_KEY for {}", email);
        } catch (DuplicateKeyException e) {
            // registered concurrently by another instance
        }
    }
}
