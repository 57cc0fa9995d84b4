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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns each due nominal fire into a run (product.md §3) and plans the next fire. Runs are
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
    private final TransactionTemplate dispatchTx;
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
        // READ COMMITTED: the claim locks the claimed rows only, no gaps of the fire_at index, so two instances
        // moving their schedules' fire_at forward at the same time do not deadlock on each other's gap locks
        this.dispatchTx = new TransactionTemplate(tx.getTransactionManager());
        this.dispatchTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /**
     * Handles the fire planned for {@code nominal} and every later one already due, then plans the next fire.
     * Returns the last nominal time handled, or empty when the schedule is gone or paused.
     */
    Optional<Instant> fire(UUID scheduleId, Instant nominal) {
        return tx.execute(status -> {
            Optional<Schedule> found = schedules.lock(scheduleId);
            if (found.isEmpty() || found.get().status() != ScheduleStatus.ACTIVE) {
                return Optional.<Instant>empty();
            }
            Instant now = clock.instant();
            Batch batch = new Batch(runs.unfinishedCounts(List.of(scheduleId)));
            Instant last = handle(found.get(), nominal, now, batch);
            ScheduleRepository.NextFire next = nextAfter(found.get(), last, batch);
            schedules.setNextFire(scheduleId, next.nominal(), next.fireAt());
            batch.flush(now);
            return Optional.of(last);
        });
    }

    /**
     * Claims up to {@code limit} due schedules (rows another instance holds are skipped) and handles each in one
     * transaction: their runs, their runs' executions and their next fires commit together, or not at all.
     * Returns how many schedules were handled.
     */
    int dispatch(int limit) {
        long started = System.nanoTime();
        long[] phases = new long[4];
        Integer handled = dispatchTx.execute(status -> {
            Instant now = clock.instant();
            List<Schedule> due = schedules.lockDue(now, limit);
            phases[0] = System.nanoTime();
            Batch batch = new Batch(runs.unfinishedCounts(due.stream()
                    .filter(s -> s.overlapPolicy() != OverlapPolicy.ALLOW)
                    .map(Schedule::id)
                    .toList()));
            List<ScheduleRepository.NextFire> next = new ArrayList<>(due.size());
            for (Schedule schedule : due) {
                if (schedule.status() != ScheduleStatus.ACTIVE || schedule.nextRunAt() == null) {
                    next.add(
                            schedule.status() == ScheduleStatus.ACTIVE
                                    ? nextAfter(schedule, now, batch)
                                    : new ScheduleRepository.NextFire(schedule.id(), null, null));
                    continue;
                }
                Instant last = handle(schedule, schedule.nextRunAt(), now, batch);
                next.add(nextAfter(schedule, last, batch));
            }
            phases[1] = System.nanoTime();
            batch.flush(now);
            phases[2] = System.nanoTime();
            schedules.setNextFires(next);
            phases[3] = System.nanoTime();
            return due.size();
        });
        if (handled != null && handled > 0 && log.isDebugEnabled()) {
            long done = System.nanoTime();
            log.debug(
                    "Dispatched {} fires in {} ms (claim {}, plan {}, runs {}, next fires {}, commit {})",
                    handled,
                    (done - started) / 1_000_000,
                    (phases[0] - started) / 1_000_000,
                    (phases[1] - phases[0]) / 1_000_000,
                    (phases[2] - phases[1]) / 1_000_000,
                    (phases[3] - phases[2]) / 1_000_000,
                    (done - phases[3]) / 1_000_000);
        }
        return handled == null ? 0 : handled;
    }

    /** Records the runs of the fire at {@code nominal} and of every later one due by now; returns the last. */
    private Instant handle(Schedule schedule, Instant nominal, Instant now, Batch batch) {
        Instant windowStart = now.minus(Duration.ofMinutes(schedule.catchupWindowMinutes()));
        Instant fire = nominal;
        Instant last = nominal;
        int missed = 0;
        while (fire != null && !fire.isAfter(now)) {
            if (fire.isBefore(windowStart)) {
                if (missed++ < MAX_MISSED_RECORDED) {
                    insert(schedule, fire, RunTrigger.SCHEDULED, RunStatus.MISSED, "missed", batch);
                    last = fire;
                    fire = next(schedule, fire, batch);
                } else {
                    // too many to list: skip to the first fire inside the window
                    log.warn(
                            "Schedule {} missed more than {} fires; older ones are not recorded",
                            schedule.id(),
                            MAX_MISSED_RECORDED);
                    last = fire;
                    fire = next(schedule, windowStart.minusNanos(1000), batch);
                }
                continue;
            }
            Instant planned = fire.plus(FirePlanner.flexibleOffset(schedule));
            boolean late = now.isAfter(planned.plus(LATE));
            if (late) {
                // catch-up runs queue behind each other, oldest first, whatever the overlap policy
                insert(schedule, fire, RunTrigger.CATCH_UP, RunStatus.QUEUED, null, batch);
            } else {
                fireOnTime(schedule, fire, batch);
            }
            last = fire;
            fire = next(schedule, fire, batch);
        }
        return last;
    }

    /** The fire after {@code last}, and when it executes; both null when there is none. */
    private static ScheduleRepository.NextFire nextAfter(Schedule schedule, Instant last, Batch batch) {
        return batch.nextFire(schedule, last)
                .map(f -> new ScheduleRepository.NextFire(
                        schedule.id(), f.instant(), f.instant().plus(FirePlanner.flexibleOffset(schedule))))
                .orElse(new ScheduleRepository.NextFire(schedule.id(), null, null));
    }

    private void fireOnTime(Schedule schedule, Instant fire, Batch batch) {
        List<UUID> unfinished = runs.unfinished(schedule.id(), null);
        OverlapPolicy policy = schedule.overlapPolicy();
        boolean skip =
                switch (policy) {
                    case SKIP -> !unfinished.isEmpty();
                    case QUEUE -> unfinished.size() > 1;
                    case ALLOW -> false;
                };
        if (skip) {
            insert(schedule, fire, RunTrigger.SCHEDULED, RunStatus.SKIPPED, "previous run still running", batch);
        } else {
            insert(schedule, fire, RunTrigger.SCHEDULED, RunStatus.QUEUED, null, batch);
        }
    }

    private void insert(
            Schedule schedule, Instant fire, RunTrigger trigger, RunStatus status, String note, Batch batch) {
        Instant periodStart = batch.previousFire(schedule, fire);
        batch.add(new RunRepository.NewRun(
                Ids.newId(),
                schedule.id(),
                schedule.teamId(),
                schedule.name(),
                fire,
                trigger,
                status,
                periodStart,
                note));
    }

    /** The runs fires record in one transaction, written together at the end. */
    private final class Batch {
        private final Map<UUID, Integer> unfinished;
        private final List<RunRepository.NewRun> runs = new ArrayList<>();
        // schedules of a burst mostly share their cadence ("daily at 07:00"): each fire time is computed once
        private final Map<List<Object>, Optional<FireTime>> fireTimes = new HashMap<>();

        Batch(Map<UUID, Integer> unfinished) {
            this.unfinished = new HashMap<>(unfinished);
        }

        Optional<FireTime> nextFire(Schedule schedule, Instant after) {
            if (schedule.status() != ScheduleStatus.ACTIVE) {
                return Optional.empty();
            }
            List<Object> key = Arrays.asList(
                    "next", schedule.cadence(), schedule.timeZone(), after, schedule.startAt(), schedule.endAt());
            return fireTimes.computeIfAbsent(key, k -> FirePlanner.nextFire(schedule, after));
        }

        Instant previousFire(Schedule schedule, Instant fire) {
            List<Object> key = Arrays.asList("previous", schedule.cadence(), schedule.timeZone(), fire);
            return fireTimes
                    .computeIfAbsent(
                            key, k -> FireTimes.previousFireTime(schedule.cadence(), schedule.timeZone(), fire))
                    .map(FireTime::instant)
                    .orElse(null);
        }

        /** The schedule's queued and running runs, those of this batch included. */
        int unfinished(UUID scheduleId) {
            return unfinished.getOrDefault(scheduleId, 0);
        }

        void add(RunRepository.NewRun run) {
            runs.add(run);
            if (run.status() == RunStatus.QUEUED) {
                unfinished.merge(run.scheduleId(), 1, Integer::sum);
            }
        }

        void flush(Instant now) {
            FireHandler.this.runs.insertAll(runs, now);
            planner.enqueueRuns(
                    runs.stream()
                            .filter(r -> r.status() == RunStatus.QUEUED)
                            .map(RunRepository.NewRun::id)
                            .toList(),
                    now);
        }
    }

    private static Instant next(Schedule schedule, Instant after, Batch batch) {
        return batch.nextFire(schedule, after).map(FireTime::instant).orElse(null);
    }
}
