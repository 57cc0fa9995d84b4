package com.herald.scheduling.internal;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.herald.scheduling.FireTime;
import com.herald.scheduling.FireTimes;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps db-scheduler's table in step with the schedules: one {@code schedule-fire} execution per active schedule
 * at its next fire (plus its flexible offset), one {@code report-run} execution per queued run. db-scheduler
 * writes through Spring's transaction-aware data source, so these rows commit or roll back with the schedule
 * change that asked for them.
 */
@Component
class FirePlanner {

    static final String FIRE_TASK = "schedule-fire";
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
     * planned; removes it when there is none. Returns whether a fire is planned. An execution running right now is left alone: when it completes,
     * it plans from the schedule as it is then.
     */
    boolean plan(Schedule schedule, Instant after) {
        Optional<FireTime> next = nextFire(schedule, after);
        TaskInstanceId id = TaskInstanceId.of(FIRE_TASK, schedule.id().toString());
        Optional<ScheduledExecution<Object>> existing = client.getObject().getScheduledExecution(id);
        if (existing.isPresent() && existing.get().isPicked()) {
            return true;
        }
        if (next.isEmpty()) {
            schedules.setNextRun(schedule.id(), null);
            existing.ifPresent(e -> cancelQuietly(id));
            return false;
        }
        Instant nominal = next.get().instant();
        Instant at = nominal.plus(flexibleOffset(schedule));
        String data = nominal.toString();
        if (existing.isPresent()) {
            try {
                client.getObject().reschedule(id, at, data);
            } catch (TaskInstanceException e) {
                // picked meanwhile: its completion plans the next fire
            }
        } else {
            client.getObject()
                    .scheduleIfNotExists(
                            new TaskInstance<>(
                                    FIRE_TASK, schedule.id().toString(), () -> data, SchedulerTasks.FIRE_PRIORITY),
                            at);
        }
        schedules.setNextRun(schedule.id(), nominal);
        return true;
    }

    void unplan(UUID scheduleId) {
        schedules.setNextRun(scheduleId, null);
        cancelQuietly(TaskInstanceId.of(FIRE_TASK, scheduleId.toString()));
    }

    /** Queues a run's execution at {@code at} (now: as soon as an executor is free). */
    void enqueueRun(UUID runId, Instant at) {
        // a new run's id is new: a plain insert, no existence check first
        client.getObject()
                .schedule(
                        new TaskInstance<Void>(RUN_TASK, runId.toString(), () -> null, SchedulerTasks.RUN_PRIORITY),
                        at);
    }

    private void cancelQuietly(TaskInstanceId id) {
        try {
            client.getObject().cancel(id);
        } catch (TaskInstanceException e) {
            // not planned, or running: a running fire sees the schedule paused or gone and plans nothing
        }
    }
}
