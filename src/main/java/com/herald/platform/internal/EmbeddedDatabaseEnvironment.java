package com.herald.platform.internal;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Without {@code SPRING_DATASOURCE_URL}, Herald runs its own MariaDB: this points the datasource at it
 * before any bean that needs a connection is created.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATABASE = "herald";

    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("herald.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        Path home = Path.of(env.getProperty("herald.data-dir", "./data")).resolve("mariadb");
        int port = env.getProperty("herald.embedded-db.port", Integer.class, 0);
        boolean fresh = env.getProperty("herald.embedded-db.fresh", Boolean.class, false);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(home, port, fresh, DATABASE, log);
        env.getPropertySources()
                .addFirst(new MapPropertySource(
                        "heraldEmbeddedDatabase",
                        Map.of(
                                "spring.datasource.url",
                                "jdbc:mariadb://127.0.0.1:" + db.port() + "/" + DATABASE,
                                "spring.datasource.username",
                                EmbeddedMariaDb.USER,
                                "spring.datasource.password",
                                db.password(),
                                "herald.embedded-db.host",
                                "127.0.0.1",
                                "herald.embedded-db.actual-port",
                                String.valueOf(db.port()),
                                "herald.embedded-db.active",
                                "true")));
    }

    @Override
    public int getOrder() {
        // after application.properties and profiles are loaded, so their settings are seen
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
