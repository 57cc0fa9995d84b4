package com.herald.scheduling.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure every active schedule has its planned fire, at start and hourly (the {@code fire-audit} task): a
 * database restored from a backup, or rows changed by hand, must not leave a schedule silently asleep.
 */
@Component
class FireAudit {

    private static final Logger log = LoggerFactory.getLogger(FireAudit.class);

    private final JdbcClient jdbc;
    private final ScheduleRepository schedules;
    private final FirePlanner planner;
    private final TransactionTemplate tx;
    private final Clock clock;

    FireAudit(JdbcClient jdbc, ScheduleRepository schedules, FirePlanner planner, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.planner = planner;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            repair();
        } catch (RuntimeException e) {
            log.warn("Could not check the planned fires at start", e);
        }
    }

    /** Plans the fire of each active schedule that has none (ended ones stay without); returns how many. */
    int repair() {
        List<UUID> orphans = jdbc.sql("""
                        SELECT id FROM schedules
                        WHERE status = 'ACTIVE' AND fire_at IS NULL
                            AND (end_at IS NULL OR end_at > UTC_TIMESTAMP(6))""").query(UUID.class).list();
        int repaired = 0;
        for (UUID id : orphans) {
            Boolean done = tx.execute(status -> schedules
                    .lock(id)
                    .map(s -> planner.plan(s, clock.instant()))
                    .orElse(false));
            repaired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (repaired > 0) {
            log.info("Planned the next fire of {} active schedules that had none", repaired);
        }
        return repaired;
    }
}
