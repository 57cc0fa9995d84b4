package com.herald.scheduling.internal;

import com.herald.scheduling.RunStatus;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** A finished run's effect on its schedule: the derived fields, and auto-pause after repeated failures. */
@Component
class ScheduleOutcomes {

    /** Published (inside the transaction) when a schedule paused itself; the owner is told after commit. */
    record AutoPaused(UUID scheduleId, int failures, String lastError) {}

    private final ScheduleRepository schedules;
    private final FirePlanner planner;
    private final ApplicationEventPublisher events;

    ScheduleOutcomes(ScheduleRepository schedules, FirePlanner planner, ApplicationEventPublisher events) {
        this.schedules = schedules;
        this.planner = planner;
        this.events = events;
    }

    /** Call inside a transaction. */
    void record(UUID scheduleId, RunStatus status, String error, Instant now) {
        Optional<Schedule> locked = schedules.lock(scheduleId);
        if (locked.isEmpty()) {
            return;
        }
        int failures = schedules.recordOutcome(scheduleId, status, error, now);
        Schedule schedule = locked.get();
        if (status.isFailure()
                && schedule.status() == ScheduleStatus.ACTIVE
                && failures >= schedule.pauseAfterFailures()) {
            String reason = "Paused automatically after " + failures + " failed runs in a row"
                    + (error == null ? "" : ": " + Db.truncate(error, 300));
            schedules.setStatus(scheduleId, ScheduleStatus.PAUSED, Db.truncate(reason, 500), false, now);
            planner.unplan(scheduleId);
            events.publishEvent(new AutoPaused(scheduleId, failures, error));
        }
    }
}
