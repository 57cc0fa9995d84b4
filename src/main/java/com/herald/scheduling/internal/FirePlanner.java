package com.herald.scheduling.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.herald.scheduling.FireTime;
import com.herald.scheduling.FireTimes;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plans fires and queues runs. A schedule's next fire is two columns of its own row: {@code next_run_at} (the
 * nominal time) and {@code fire_at} (when it executes, with the flexible offset), which {@link FireDispatcher}
 * claims. A queued run is one db-scheduler {@code report-run} execution; db-scheduler writes through Spring's
 * transaction-aware data source, so those rows commit or roll back with the fire that asked for them.
 */
@Component
class FirePlanner {

    static final String RUN_TASK = "report-run";

    // The Scheduler bean needs the task beans, whose handlers need this: look it up when first used.
    private final ObjectProvider<SchedulerClient> client;
    private final ScheduleRepository schedules;

    FirePlanner(ObjectProvider<SchedulerClient> client, ScheduleRepository schedules) {
        this.client = client;
        this.schedules = schedules;
    }

    /** The next fire strictly after {@code after}, or empty when paused, ended or never again. */
    static Optional<FireTime> nextFire(Schedule schedule, Instant after) {
        if (schedule.status() != ScheduleStatus.ACTIVE) {
            return Optional.empty();
        }
        return FireTimes.nextFireTime(
                schedule.cadence(), schedule.timeZone(), after, schedule.startAt(), schedule.endAt());
    }

    /**
     * A deterministic offset inside the flexible window, so that schedules due on the same minute spread out;
     * the same schedule always gets the same offset.
     */
    static Duration flexibleOffset(Schedule schedule) {
        if (schedule.flexibleWindowMinutes() <= 0) {
            return Duration.ZERO;
        }
        long seconds = schedule.flexibleWindowMinutes() * 60L;
        long hash = schedule.id().getLeastSignificantBits() ^ schedule.id().getMostSignificantBits();
        return Duration.ofSeconds(Math.floorMod(hash, seconds));
    }

    /**
     * Plans the schedule's next fire after {@code after} (now, for a new or resumed schedule), replacing the one
     * planned; clears it when there is none. Returns whether a fire is planned. Runs in the caller's transaction,
     * which holds the schedule's row: a dispatcher handling this schedule right now finishes first.
     */
    boolean plan(Schedule schedule, Instant after) {
        Optional<FireTime> next = nextFire(schedule, after);
        if (next.isEmpty()) {
            schedules.setNextFire(schedule.id(), null, null);
            return false;
        }
        Instant nominal = next.get().instant();
        schedules.setNextFire(schedule.id(), nominal, nominal.plus(flexibleOffset(schedule)));
        return true;
    }

    void unplan(UUID scheduleId) {
        schedules.setNextFire(scheduleId, null, null);
    }

    /** Queues a run's execution at {@code at} (now: as soon as an executor is free). */
    void enqueueRun(UUID runId, Instant at) {
        // a new run's id is new: a plain insert, no existence check first
        client.getObject()
                .schedule(
                        new TaskInstance<Void>(RUN_TASK, runId.toString(), () -> null, SchedulerTasks.RUN_PRIORITY),
                        at);
    }

    /** Queues the executions of many new runs at once, as soon as an executor is free. */
    void enqueueRuns(List<UUID> runIds, Instant at) {
        if (runIds.isEmpty()) {
            return;
        }
        List<TaskInstance<?>> instances = new ArrayList<>(runIds.size());
        for (UUID id : runIds) {
            instances.add(new TaskInstance<Void>(RUN_TASK, id.toString(), () -> null, SchedulerTasks.RUN_PRIORITY));
        }
        client.getObject().scheduleBatch(instances, at);
    }
}
