package com.herald.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** HERALD_ADMIN_EMAIL, HERALD_ADMIN_PASSWORD and HERALD_BOOTSTRAP_API_KEY. */
@ConfigurationProperties("herald")
record BootstrapProperties(String adminEmail, String adminPassword, String bootstrapApiKey) {}
