package com.herald.scheduling.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler tasks: one {@code report-run} execution per queued run, and the housekeeping. (Fires are not
 * db-scheduler executions: {@link FireDispatcher} claims due schedules in batches.) A failing execution (the database away, a bug) is looked at again after
 * {@link #FAILURE_RETRY}; an execution whose instance died is revived by another instance once its heartbeat
 * is missed (db-scheduler.heartbeat-interval × missed-heartbeats-limit).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerTasks {

    private static final Logger log = LoggerFactory.getLogger(SchedulerTasks.class);
    static final Duration FAILURE_RETRY = Duration.ofSeconds(30);

    static final int RUN_PRIORITY = 0;

    /** At most this long a run waits while its instance still claims due fires in full batches. */
    static final Duration FIRES_FIRST = Duration.ofSeconds(10);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Task<Void> reportRunTask(RunExecutor executor, FireDispatcher dispatcher) {
        return Tasks.custom(FirePlanner.RUN_TASK, Void.class)
                .defaultPriority(RUN_PRIORITY)
                .onFailure(retryLater())
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    dispatcher.yieldToFires(FIRES_FIRST);
                    Optional<Instant> again = executor.execute(UUID.fromString(instance.getId()));
                    return (ExecutionComplete complete, ExecutionOperations<Void> ops) -> {
                        if (again.isPresent()) {
                            ops.reschedule(complete, again.get());
                        } else {
                            ops.remove();
                        }
                    };
                });
    }

    @Bean
    RecurringTask<Void> artifactRetentionTask(
            RunRepository runs, Clock clock, @Value("${herald.artifacts.retention:30d}") Duration retention) {
        return Tasks.recurring("artifact-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int deleted = runs.deleteArtifactsBefore(clock.instant().minus(retention));
                    if (deleted > 0) {
                        log.info("Deleted {} artifacts older than {}", deleted, retention);
                    }
                });
    }

    @Bean
    RecurringTask<Void> fireAuditTask(FireAudit audit) {
        return Tasks.recurring("fire-audit", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> audit.repair());
    }

    private static <T> FailureHandler<T> retryLater() {
        return (complete, ops) -> {
            log.warn(
                    "{} {} failed; trying again in {}",
                    complete.getExecution().taskInstance.getTaskName(),
                    complete.getExecution().taskInstance.getId(),
                    FAILURE_RETRY,
                    complete.getCause().orElse(null));
            ops.reschedule(complete, complete.getTimeDone().plus(FAILURE_RETRY));
        };
    }
}
