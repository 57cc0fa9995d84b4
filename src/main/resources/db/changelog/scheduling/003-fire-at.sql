--liquibase formatted sql

--changeset herald:scheduling-003-fire-at
-- When the next fire executes (next_run_at plus the flexible offset); NULL when none is planned. Instances
-- claim due schedules from this column in batches (SELECT … FOR UPDATE SKIP LOCKED) instead of one
-- db-scheduler execution per schedule.
ALTER TABLE schedules ADD COLUMN fire_at DATETIME(6) NULL AFTER next_run_at;
CREATE INDEX ix_schedules_fire_at ON schedules (fire_at);
-- scheduled_tasks.execution_time is a TIMESTAMP: read it in UTC, as Herald's DATETIME columns are
SET time_zone = '+00:00';
UPDATE schedules s
    JOIN scheduled_tasks t ON t.task_name = 'schedule-fire'
        AND CONVERT(t.task_instance USING utf8mb4) COLLATE utf8mb4_bin
            = CONVERT(CAST(s.id AS CHAR) USING utf8mb4) COLLATE utf8mb4_bin
    SET s.fire_at = t.execution_time, s.next_run_at = COALESCE(s.next_run_at, t.execution_time)
    WHERE s.status = 'ACTIVE';
DELETE FROM scheduled_tasks WHERE task_name = 'schedule-fire';
--rollback ALTER TABLE schedules DROP COLUMN fire_at;
