package com.herald.scheduling.internal;

import com.herald.platform.Ids;
import com.herald.scheduling.FireTime;
import com.herald.scheduling.FireTimes;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.RunTrigger;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a {@code schedule-fire} execution does: turn each due nominal fire into a run (product.md §3). Runs are
 * unique per schedule, nominal time and trigger, so a fire seen twice (two instances, a revived execution)
 * still makes one run.
 */
@Component
class FireHandler {

    private static final Logger log = LoggerFactory.getLogger(FireHandler.class);

    /** A fire started later than this after its planned time ran after downtime: it is a catch-up. */
    static final Duration LATE = Duration.ofMinutes(2);

    /** At most this many missed fires are recorded one by one after a long downtime. */
    static final int MAX_MISSED_RECORDED = 1000;

    private final ScheduleRepository schedules;
    private final RunRepository runs;
    private final FirePlanner planner;
    private final TransactionTemplate tx;
    private final Clock clock;

    FireHandler(
            ScheduleRepository schedules,
            RunRepository runs,
            FirePlanner planner,
            TransactionTemplate tx,
            Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.planner = planner;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Handles the fire planned for {@code nominal} and every later one already due. Returns the last nominal time
     * handled (the next fire comes after it), or empty when the schedule is gone or paused.
     */
    Optional<Instant> fire(UUID scheduleId, Instant nominal) {
        return tx.execute(status -> {
            Optional<Schedule> found = schedules.lock(scheduleId);
            if (found.isEmpty() || found.get().status() != ScheduleStatus.ACTIVE) {
                return Optional.<Instant>empty();
            }
            Schedule schedule = found.get();
            Instant now = clock.instant();
            Instant windowStart = now.minus(Duration.ofMinutes(schedule.catchupWindowMinutes()));
            Instant fire = nominal;
            Instant last = nominal;
            int missed = 0;
            while (fire != null && !fire.isAfter(now)) {
                if (fire.isBefore(windowStart)) {
                    if (missed++ < MAX_MISSED_RECORDED) {
                        insert(schedule, fire, RunTrigger.SCHEDULED, RunStatus.MISSED, now, "missed");
                        last = fire;
                        fire = next(schedule, fire);
                    } else {
                        // too many to list: skip to the first fire inside the window
                        log.warn(
                                "Schedule {} missed more than {} fires; older ones are not recorded",
                                scheduleId,
                                MAX_MISSED_RECORDED);
                        last = fire;
                        fire = next(schedule, windowStart.minusNanos(1000));
                    }
                    continue;
                }
                Instant planned = fire.plus(FirePlanner.flexibleOffset(schedule));
                boolean late = now.isAfter(planned.plus(LATE));
                if (late) {
                    // catch-up runs queue behind each other, oldest first, whatever the overlap policy
                    insert(schedule, fire, RunTrigger.CATCH_UP, RunStatus.QUEUED, now, null);
                } else {
                    fireOnTime(schedule, fire, now);
                }
                last = fire;
                fire = next(schedule, fire);
            }
            return Optional.of(last);
        });
    }

    /** The next fire: its nominal time, and when to execute it (with the flexible offset). */
    record Next(Instant nominal, Instant executeAt) {}

    /** After a fire: plans the next one from the schedule as it is now. */
    Optional<Next> nextAfter(UUID scheduleId, Instant last) {
        return tx.execute(status -> {
            Optional<Schedule> schedule = schedules.find(scheduleId);
            Optional<Next> next = schedule.flatMap(s -> FirePlanner.nextFire(s, last)
                    .map(f -> new Next(f.instant(), f.instant().plus(FirePlanner.flexibleOffset(s)))));
            schedules.setNextRun(scheduleId, next.map(Next::nominal).orElse(null));
            return next;
        });
    }

    private void fireOnTime(Schedule schedule, Instant fire, Instant now) {
        List<UUID> unfinished = runs.unfinished(schedule.id(), null);
        OverlapPolicy policy = schedule.overlapPolicy();
        boolean skip =
                switch (policy) {
                    case SKIP -> !unfinished.isEmpty();
                    case QUEUE -> unfinished.size() > 1;
                    case ALLOW -> false;
                };
        if (skip) {
            insert(schedule, fire, RunTrigger.SCHEDULED, RunStatus.SKIPPED, now, "previous run still running");
        } else {
            insert(schedule, fire, RunTrigger.SCHEDULED, RunStatus.QUEUED, now, null);
        }
    }

    private void insert(
            Schedule schedule, Instant fire, RunTrigger trigger, RunStatus status, Instant now, String note) {
        Instant periodStart = FireTimes.previousFireTime(schedule.cadence(), schedule.timeZone(), fire)
                .map(FireTime::instant)
                .orElse(null);
        UUID id = Ids.newId();
        Optional<UUID> inserted = runs.insert(
                id,
                schedule.id(),
                schedule.teamId(),
                schedule.name(),
                fire,
                trigger,
                status,
                periodStart,
                fire,
                null,
                note,
                now);
        if (inserted.isPresent() && status == RunStatus.QUEUED) {
            planner.enqueueRun(id, now);
        }
    }

    private static Instant next(Schedule schedule, Instant after) {
        return FirePlanner.nextFire(schedule, after).map(FireTime::instant).orElse(null);
    }
}
