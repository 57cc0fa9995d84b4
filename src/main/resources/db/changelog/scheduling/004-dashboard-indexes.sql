--liquibase formatted sql

--changeset herald:scheduling-004-dashboard-indexes
-- The dashboard of a team member: the team's next fires in time order, and the team's runs of the last days by
-- status (failures, daily counts) read from the index alone; the latest paused schedules without a sort.
CREATE INDEX ix_schedules_team_next_run ON schedules (team_id, next_run_at);
CREATE INDEX ix_schedules_status_updated ON schedules (status, updated_at);
CREATE INDEX ix_runs_team_status_nominal ON runs (team_id, status, nominal_time);
--rollback DROP INDEX ix_runs_team_status_nominal ON runs; DROP INDEX ix_schedules_status_updated ON schedules; DROP INDEX ix_schedules_team_next_run ON schedules;
